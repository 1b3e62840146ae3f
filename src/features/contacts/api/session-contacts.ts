import { useQuery } from '@tanstack/react-query';
import type { ContactOut } from '@/contracts/ontora';
import type { ApiClient } from '@/lib/api-client';
import { contactQueries } from './contact-queries';

/**
 * Contacts added in this page session, kept in the query cache only (they carry booking tokens,
 * which never go to browser storage). Shown when the API cannot list an interview's contacts.
 */
export const sessionContactsKey = (api: ApiClient, interviewId: string) =>
  [...contactQueries.all(), 'session', api.baseUrl, interviewId] as const;

export function useSessionContacts(api: ApiClient, interviewId: string): ContactOut[] {
  // A cache-only query: never fetched, written by useCreateContact's onSuccess.
  // eslint-disable-next-line @tanstack/query/prefer-query-options -- local cache entry, no endpoint
  const { data } = useQuery<ContactOut[]>({
    queryKey: sessionContactsKey(api, interviewId),
    queryFn: () => [],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data ?? [];
}
