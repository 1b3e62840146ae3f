import { useBrowserLocation } from 'wouter/use-browser-location';

/**
 * In-app navigation asks the registered guards first (e.g. "leave with unsaved changes?").
 * Closing or reloading the tab is covered separately by `beforeunload`.
 */
const guards = new Set<() => boolean>();

/** Registers a guard: return false to stop the navigation. Returns the unregister function. */
export function addNavigationGuard(guard: () => boolean): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

export function navigationAllowed(): boolean {
  for (const guard of guards) if (!guard()) return false;
  return true;
}

/** wouter's browser location hook, with navigations passing through the guards. */
export function useGuardedBrowserLocation(
  options?: Parameters<typeof useBrowserLocation>[0],
): ReturnType<typeof useBrowserLocation> {
  const [location, navigate] = useBrowserLocation(options);
  const guarded: typeof navigate = (to, navigateOptions) => {
    if (navigationAllowed()) navigate(to, navigateOptions);
  };
  return [location, guarded];
}
