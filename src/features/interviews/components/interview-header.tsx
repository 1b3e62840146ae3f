import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { QueryError } from '@/components/ui/query-error';
import { useApiClient } from '@/lib/api-client-context';
import { formatDate } from '@/lib/format';
import { describeInterviewStatus } from '@/features/contacts/contact-status';
import { interviewQueries } from '../api/interview-queries';

const CHANNELS: Record<string, string> = { google_meet: 'Google Meet' };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums dark:text-slate-100">
        {value}
      </dd>
    </div>
  );
}

/**
 * The interview's name, status, channel, timeframe and counts. Skeleton and header reserve the
 * same height (more on narrow screens, where the name and badge wrap), and the name is held to
 * two lines, so the form below does not move when the header arrives.
 */
const HEADER_BOX = 'min-h-44 sm:min-h-32';
export function InterviewHeader({ interviewId }: { interviewId: string }) {
  const api = useApiClient();
  const query = useQuery(interviewQueries.detail(api, interviewId));

  if (query.isPending) {
    return (
      <header className={HEADER_BOX} aria-busy="true" aria-label="Loading interview">
        <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
        <div className="mt-3 h-5 w-1/2 animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
        <div className="mt-3 h-12 w-3/4 animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-800" />
      </header>
    );
  }

  if (query.isError) {
    return (
      <header className={HEADER_BOX}>
        <h1 className="text-2xl font-semibold text-slate-900 dark:text-slate-100">Interview</h1>
        <div className="mt-3">
          <QueryError
            title="The interview’s details could not be loaded"
            error={query.error}
            onRetry={() => void query.refetch()}
          >
            <p className="mt-1">You can still add contacts below.</p>
          </QueryError>
        </div>
      </header>
    );
  }

  const interview = query.data;
  const status = describeInterviewStatus(interview.status);
  const channel = interview.channel ? (CHANNELS[interview.channel] ?? interview.channel) : null;
  return (
    <header className={HEADER_BOX}>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="line-clamp-2 text-2xl font-semibold break-words text-slate-900 dark:text-slate-100">
          {interview.name}
        </h1>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {channel ? <>Channel: {channel}</> : null}
        {interview.timeframe_start || interview.timeframe_end ? (
          <>
            {channel ? ' · ' : null}
            {formatDate(interview.timeframe_start)} – {formatDate(interview.timeframe_end)}
          </>
        ) : null}
      </p>
      <dl className="mt-3 flex flex-wrap gap-6">
        <Stat label="Contacts" value={interview.contact_count} />
        <Stat label="Scheduled" value={interview.scheduled_count} />
        <Stat label="Completed" value={interview.completed_count} />
      </dl>
    </header>
  );
}
