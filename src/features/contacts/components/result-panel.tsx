import { useEffect, useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ContactOut } from '@/contracts/ontora';
import { formatDateTime } from '@/lib/format';
import { safeHttpUrl } from '@/lib/safe-url';
import { describeContactStatus } from '../contact-status';
import { CopyButton } from './copy-button';

const dt = 'text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400';

/**
 * What Ontora answered for the new contact: the meeting link, the status and the booking token
 * the recruiter passes on. Everything is rendered as text; the meeting URL becomes a link only
 * when it is http(s).
 */
export function ResultPanel({
  contact,
  onAddAnother,
}: {
  contact: ContactOut;
  onAddAnother: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const meetingUrl = safeHttpUrl(contact.meeting_url);
  const status = describeContactStatus(contact.status);

  useEffect(() => {
    headingRef.current?.focus();
  }, [contact.id]);

  return (
    <section
      aria-labelledby={`result-${contact.id}`}
      className="rounded-lg border border-green-300 bg-green-50/60 p-4 dark:border-green-800 dark:bg-green-950/40"
    >
      <h2
        id={`result-${contact.id}`}
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand dark:text-slate-100"
      >
        Contact added
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <span className="font-medium break-words">{contact.name}</span>
        {contact.email ? <span className="break-all"> · {contact.email}</span> : null}
        <span> · added {formatDateTime(contact.created_at)}</span>
      </p>

      <dl className="mt-4 flex flex-col gap-4">
        <div>
          <dt className={dt}>Meeting URL</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            {meetingUrl ? (
              <>
                <a
                  href={meetingUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="break-all text-brand underline underline-offset-2 hover:text-brand-dark dark:text-brand-light"
                >
                  {contact.meeting_url}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                <CopyButton text={meetingUrl} label="Copy meeting URL" />
              </>
            ) : contact.meeting_url ? (
              <span className="flex flex-col gap-1">
                <span className="font-mono break-all">{contact.meeting_url}</span>
                <span className="text-amber-800 dark:text-amber-300">
                  Warning: this is not an http(s) address, so it is not shown as a link. Check it
                  before passing it on.
                </span>
              </span>
            ) : (
              <span className="text-slate-700 dark:text-slate-300">
                None yet: Ontora gives the link once the interview is scheduled.
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className={dt}>Status</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={status.tone}>{status.label}</Badge>
            {status.meaning ? (
              <span className="text-slate-700 dark:text-slate-300">{status.meaning}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className={dt}>Booking token</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            {contact.booking_token ? (
              <>
                <code className="rounded bg-white px-2 py-1 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600">
                  {contact.booking_token}
                </code>
                <CopyButton text={contact.booking_token} label="Copy booking token" />
              </>
            ) : (
              <span className="text-slate-700 dark:text-slate-300">None returned.</span>
            )}
          </dd>
        </div>
      </dl>

      <Button variant="secondary" className="mt-4" onClick={onAddAnother}>
        Add another contact
      </Button>
    </section>
  );
}
