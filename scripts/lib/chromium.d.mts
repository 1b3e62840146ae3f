// Types for chromium.mjs, which playwright.config.ts imports.
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function ensureChromium(): string | null;
