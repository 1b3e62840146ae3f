import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { QueryError } from '@/components/ui/query-error';
import { Badge } from '@/components/ui/badge';
import { paths } from '@/config/paths';
import { useApiClient } from '@/lib/api-client-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { describeInterviewStatus } from '@/features/contacts/contact-status';
import { interviewQueries } from '@/features/interviews/api/interview-queries';

/** `/`: the workspace's interviews, each linking to its page. */
export function InterviewsPage() {
  const api = useApiClient();
  const query = useQuery(interviewQueries.list(api));
  useDocumentTitle('Interviews');

  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-8 outline-none"
    >
      <h1 className="text-2xl font-semibold text-slate-900 dark:text-slate-100">Interviews</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Open an interview to add the people Ontora’s interview agent will talk to.
      </p>
      {query.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading interviews…</p>
      ) : query.isError ? (
        <QueryError
          title="Interviews could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <p className="text-sm">This workspace has no interviews yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
          {query.data.map((interview) => {
            const status = describeInterviewStatus(interview.status);
            return (
              <li
                key={interview.id}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
              >
                <Link
                  href={paths.interview.href(interview.id)}
                  className="font-medium break-words text-brand underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-brand focus-visible:outline-none dark:text-brand-light"
                >
                  {interview.name}
                </Link>
                <span className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
                  <span>
                    {interview.contact_count}{' '}
                    {interview.contact_count === 1 ? 'contact' : 'contacts'}
                  </span>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
