import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { isEndpointUnavailable } from '@/lib/api-client';

export const questionSetQueries = {
  all: () => ['question-sets'] as const,
  /** ASSUMED endpoint: GET /v1/interviews/{id}/question-sets (no question-set API is documented). */
  list: (api: ApiClient, interviewId: string) =>
    queryOptions({
      queryKey: [...questionSetQueries.all(), 'list', api.baseUrl, interviewId],
      queryFn: ({ signal }) => api.listQuestionSets(interviewId, { signal }),
      staleTime: 5 * 60_000,
      retry: (failureCount, error) =>
        !isEndpointUnavailable(error) && failureCount < 2 && error.isTransient,
    }),
};
