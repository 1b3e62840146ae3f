/**
 * Counts renders per component name in tests only, for the "typing in one field re-renders no
 * other field" test. `import.meta.env.MODE` is a build-time constant, so production builds
 * drop the counting entirely.
 */
export const renderCounts = new Map<string, number>();

export function useRenderProbe(name: string): void {
  if (import.meta.env.MODE === 'test') renderCounts.set(name, (renderCounts.get(name) ?? 0) + 1);
}
