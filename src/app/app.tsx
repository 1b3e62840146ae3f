import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { appConfig } from '@/config/env';
import { paths } from '@/config/paths';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-client-context';
import { useGuardedBrowserLocation } from '@/lib/navigation-guard';
import { createQueryClient } from '@/lib/query-client';
import { InterviewPage } from './routes/interview-page';
import { InterviewsPage } from './routes/interviews-page';
import { NotFound } from './routes/not-found';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [api] = useState(() =>
    createApiClient({ baseUrl: appConfig.apiBaseUrl, timeoutMs: appConfig.requestTimeoutMs }),
  );
  return (
    <ApiClientProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <Router hook={useGuardedBrowserLocation}>
          <FocusOnNavigation />
          <header className="border-b border-slate-200 dark:border-slate-800">
            <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3">
              <Link
                href={paths.home.href()}
                className="rounded-sm text-sm font-semibold text-slate-900 focus-visible:ring-2 focus-visible:ring-brand focus-visible:outline-none dark:text-slate-100"
              >
                Ontora Admin
              </Link>
            </div>
          </header>
          <Switch>
            <Route path={paths.home.pattern} component={InterviewsPage} />
            <Route path={paths.interview.pattern}>
              {(params: { interviewId: string }) => (
                <InterviewPage interviewId={params.interviewId} />
              )}
            </Route>
            <Route>
              <NotFound />
            </Route>
          </Switch>
        </Router>
      </QueryClientProvider>
    </ApiClientProvider>
  );
}

/**
 * After an in-app navigation, focus goes to the new page's <main> (as a full page load would
 * reset it), so keyboard and screen-reader users start at the content, not on a stale element.
 */
function FocusOnNavigation() {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [location]);
  return null;
}
