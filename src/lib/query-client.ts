import { QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * One QueryClient per mount (the app, or each embedded element), never a module singleton, so
 * two embeds on one page share no cache. Reads retry only failures that may heal by themselves.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => failureCount < 2 && isApiError(error) && error.isTransient,
      },
      mutations: { retry: false },
    },
  });
}
