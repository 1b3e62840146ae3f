import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { isEndpointUnavailable } from '@/lib/api-client';

export const contactQueries = {
  all: () => ['contacts'] as const,
  /** ASSUMED endpoint: GET /v1/interviews/{id}/contacts (Ontora documents none). */
  list: (api: ApiClient, interviewId: string) =>
    queryOptions({
      queryKey: [...contactQueries.all(), 'list', api.baseUrl, interviewId],
      queryFn: ({ signal }) => api.listContacts(interviewId, { signal }),
      // A missing endpoint won't appear on retry.
      retry: (failureCount, error) =>
        !isEndpointUnavailable(error) && failureCount < 2 && error.isTransient,
    }),
};
