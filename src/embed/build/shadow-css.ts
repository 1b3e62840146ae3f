/**
 * Build-time adaptation of the compiled Tailwind CSS for a shadow root (used by
 * vite.embed.config.ts; pure string functions, no dependencies). See docs/decisions/0004-embed.md.
 *
 * 1. `@property` rules are ignored inside shadow roots (tailwindlabs/tailwindcss#15005, #17778),
 *    so utilities that compose `--tw-*` variables (shadows, rings, borders, transforms…) would see
 *    them undefined. Each rule's `initial-value` becomes a plain declaration instead, on every
 *    element (non-inherited properties) or on `:host` (inherited ones), in the lowest layer.
 * 2. `rem` follows the host page's root font size, which the widget must not: every `rem` in a
 *    declaration value or an `@media`/`@container` condition becomes `px` (× 16). Selectors are
 *    left alone: arbitrary-value class names such as `.w-\[2rem\]` must keep matching.
 * 3. Custom properties inherit into a shadow root, and the host page's rules for the host element
 *    beat the shadow root's `:host` rules. So the theme variables (`:root, :host { --color-…;
 *    --spacing… }`) move to the widget's own root wrapper, where no host rule can override them.
 */

export interface RegisteredProperty {
  name: string;
  /** The `syntax` descriptor without quotes, e.g. `<length>` or `*`. */
  syntax: string;
  initialValue: string | null;
  inherits: boolean;
}

const PROPERTY_RULE = /@property\s+(--[\w-]+)\s*\{([^{}]*)\}/g;

/** The `@property` rules of a stylesheet, in order. */
export function registeredProperties(css: string): RegisteredProperty[] {
  const found: RegisteredProperty[] = [];
  for (const match of css.matchAll(PROPERTY_RULE)) {
    const [, name = '', body = ''] = match;
    const descriptors = new Map<string, string>();
    for (const part of body.split(';')) {
      const colon = part.indexOf(':');
      if (colon === -1) continue;
      descriptors.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
    }
    found.push({
      name,
      syntax: (descriptors.get('syntax') ?? '*').replace(/^["']|["']$/g, ''),
      initialValue: descriptors.get('initial-value') ?? null,
      inherits: descriptors.get('inherits') === 'true',
    });
  }
  return found;
}

/**
 * The `@property` fallback: initial values as declarations. Non-inherited properties are set on
 * every element (as the browser would for a registered property, so a value never leaks from a
 * parent's utility into its children); inherited ones once on `:host`.
 */
export function propertyFallback(properties: RegisteredProperty[]): string {
  const declaration = (property: RegisteredProperty) =>
    `${property.name}:${typedInitialValue(property)}`;
  const local = properties.filter((property) => !property.inherits).map(declaration);
  const inherited = properties.filter((property) => property.inherits).map(declaration);
  const rules: string[] = [];
  if (local.length > 0) rules.push(`*,:before,:after,::backdrop{${local.join(';')}}`);
  if (inherited.length > 0) rules.push(`:host{${inherited.join(';')}}`);
  return rules.length > 0 ? `@layer properties{${rules.join('')}}` : '';
}

/** Units a bare `0` needs once it is untyped text (minifiers write `0px` as `0`). */
const ZERO_UNITS: [RegExp, string][] = [
  [/<length/, '0px'],
  [/<angle/, '0deg'],
  [/<time/, '0s'],
  [/<percentage/, '0%'],
];

/**
 * The initial value as a plain declaration. A registered `<length>` turns a bare `0` into a
 * length; an unregistered variable keeps the token `0`, which is a number, so
 * `calc(2px + var(--tw-ring-offset-width))` would become invalid (and drop the whole ring).
 */
export function typedInitialValue(property: RegisteredProperty): string {
  const value = property.initialValue;
  if (value === null) return 'initial';
  if (value !== '0') return value;
  return ZERO_UNITS.find(([syntax]) => syntax.test(property.syntax))?.[1] ?? value;
}

function formatPx(rem: number): string {
  return `${String(Number((rem * 16).toFixed(4)))}px`;
}

/** Strings (left as they are) or a `rem` length with what precedes it. */
const REM_OR_STRING = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(^-?|[^\w.\\-]-?)(\d*\.?\d+)rem\b/g;

/** `1.5rem` → `24px` in a value or condition (never in strings or names like `--x-2rem`). */
export function remToPxInValue(value: string): string {
  return value.replace(
    REM_OR_STRING,
    (match, quoted: string | undefined, before: string, number: string) =>
      quoted === undefined ? before + formatPx(Number(number)) : match,
  );
}

const CONVERTED_AT_RULES = /^@(media|container|supports)\b/i;

/**
 * Converts `rem` to `px` in declaration values and in `@media`/`@container`/`@supports`
 * conditions, leaving selectors, strings and comments untouched.
 */
export function remToPx(css: string): string {
  let out = '';
  // Text since the last `{`, `}` or `;`: a selector, an at-rule prelude or a declaration.
  let segment = '';
  let i = 0;
  const flush = (terminator: string) => {
    if (terminator === '{') {
      out += CONVERTED_AT_RULES.test(segment.trim()) ? remToPxInValue(segment) : segment;
    } else {
      // A declaration (`name:value`) or a statement at-rule (`@import …;`), converted after
      // its first colon only, so the property name is never touched.
      const colon = segment.indexOf(':');
      out +=
        colon === -1 || segment.trim().startsWith('@')
          ? segment
          : segment.slice(0, colon + 1) + remToPxInValue(segment.slice(colon + 1));
    }
    out += terminator;
    segment = '';
  };
  while (i < css.length) {
    const ch = css.charAt(i);
    if (ch === '\\') {
      segment += css.slice(i, i + 2);
      i += 2;
    } else if (ch === '/' && css.charAt(i + 1) === '*') {
      const end = css.indexOf('*/', i + 2);
      const stop = end === -1 ? css.length : end + 2;
      segment += css.slice(i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < css.length && css.charAt(j) !== ch) j += css.charAt(j) === '\\' ? 2 : 1;
      segment += css.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '{' || ch === '}' || ch === ';') {
      flush(ch);
      i += 1;
    } else {
      segment += ch;
      i += 1;
    }
  }
  return out + segment;
}

const THEME_SELECTOR = /(^|[{};])(\s*):root\s*,\s*:host\s*\{/g;

/** Moves rules for `:root, :host` (Tailwind's theme variables) to `scope`. */
export function scopeThemeVariables(css: string, scope: string): string {
  return css.replace(
    THEME_SELECTOR,
    (_, before: string, space: string) => `${before}${space}${scope}{`,
  );
}

export interface ShadowCssOptions {
  /** The selector of the widget's root wrapper inside the shadow root. */
  themeScope: string;
}

/** Everything the embed needs: the `@property` fallback first (its layer then stays first). */
export function adaptCssForShadowRoot(css: string, options: ShadowCssOptions): string {
  const properties = registeredProperties(css);
  const withoutRules = css.replace(PROPERTY_RULE, '');
  return (
    propertyFallback(properties) + remToPx(scopeThemeVariables(withoutRules, options.themeScope))
  );
}
