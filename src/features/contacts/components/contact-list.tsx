import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { QueryError } from '@/components/ui/query-error';
import type { ContactOut, QuestionSet } from '@/contracts/ontora';
import { isEndpointUnavailable } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-client-context';
import { formatDateTime } from '@/lib/format';
import { questionSetQueries } from '@/features/question-sets/api/question-set-queries';
import { contactQueries } from '../api/contact-queries';
import { useSessionContacts } from '../api/session-contacts';
import { describeContactStatus } from '../contact-status';

const COLUMNS = [
  'Name',
  'Email',
  'Job title',
  'Department',
  'Question set',
  'Status',
  'Added',
] as const;

function newestFirst(contacts: ContactOut[]): ContactOut[] {
  return [...contacts].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
}

function ContactTable({
  contacts,
  questionSets,
}: {
  contacts: ContactOut[];
  questionSets: QuestionSet[];
}) {
  const setNames = new Map(questionSets.map((set) => [set.id, set.name]));
  const th =
    'px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300';
  const td = 'px-3 py-2 align-top text-sm text-slate-800 dark:text-slate-200';
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-700">
        <caption className="sr-only">Contacts on this interview, newest first</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={th}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {contacts.map((contact) => {
            const status = describeContactStatus(contact.status);
            return (
              <tr key={contact.id}>
                <th scope="row" className={`${td} min-w-32 text-left font-medium`}>
                  {contact.name}
                </th>
                <td className={`${td} whitespace-nowrap`}>{contact.email ?? '—'}</td>
                <td className={td}>{contact.job_title ?? '—'}</td>
                <td className={td}>{contact.department ?? '—'}</td>
                <td className={td}>
                  {contact.question_set_id
                    ? (setNames.get(contact.question_set_id) ?? contact.question_set_id)
                    : 'None'}
                </td>
                <td className={td}>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatDateTime(contact.created_at)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The interview's contacts. Ontora documents no list endpoint: where the API has none, the
 * section says so and shows the contacts added in this page session instead.
 */
export function ContactList({ interviewId }: { interviewId: string }) {
  const api = useApiClient();
  const query = useQuery(contactQueries.list(api, interviewId));
  const questionSets = useQuery(questionSetQueries.list(api, interviewId));
  const sessionContacts = useSessionContacts(api, interviewId);
  const sets = questionSets.data ?? [];

  let body;
  if (query.isPending) {
    body = <p className="text-sm text-slate-600 dark:text-slate-400">Loading contacts…</p>;
  } else if (query.isError && isEndpointUnavailable(query.error)) {
    body = (
      <>
        <Alert tone="info">
          The full contact list is unavailable from this API (it has no endpoint to list an
          interview’s contacts). Contacts you add in this session are shown below.
        </Alert>
        {sessionContacts.length > 0 ? (
          <ContactTable contacts={sessionContacts} questionSets={sets} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No contacts added in this session yet.
          </p>
        )}
      </>
    );
  } else if (query.isError) {
    body = (
      <QueryError
        title="Contacts could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
        retryLabel="Retry loading contacts"
      />
    );
  } else if (query.data.length === 0) {
    body = (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No contacts yet. Add the first one above.
      </p>
    );
  } else {
    body = <ContactTable contacts={newestFirst(query.data)} questionSets={sets} />;
  }

  return (
    <section aria-labelledby="contacts-heading" className="flex flex-col gap-3">
      <h2
        id="contacts-heading"
        className="text-lg font-semibold text-slate-900 dark:text-slate-100"
      >
        Contacts
      </h2>
      {body}
    </section>
  );
}

/** Departments already on the interview, for the Department field's suggestions. */
export function useInterviewDepartments(interviewId: string): string[] {
  const api = useApiClient();
  const { data } = useQuery(contactQueries.list(api, interviewId));
  const departments = new Set(
    (data ?? []).flatMap((contact) => (contact.department ? [contact.department] : [])),
  );
  return [...departments].sort((a, b) => a.localeCompare(b));
}
