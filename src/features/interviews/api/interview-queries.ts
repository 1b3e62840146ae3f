import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';

export const interviewQueries = {
  all: () => ['interviews'] as const,
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: [...interviewQueries.all(), 'list', api.baseUrl],
      queryFn: ({ signal }) => api.listInterviews({ signal }),
    }),
  detail: (api: ApiClient, interviewId: string) =>
    queryOptions({
      queryKey: [...interviewQueries.all(), 'detail', api.baseUrl, interviewId],
      queryFn: ({ signal }) => api.getInterview(interviewId, { signal }),
    }),
};
