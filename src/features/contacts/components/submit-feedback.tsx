import { useEffect, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ApiError } from '@/lib/api-error';
import type { SubmissionWait } from '../api/use-create-contact';
import { problemCount } from './error-summary';

function RequestId({ id }: { id: string | null }) {
  if (!id) return null;
  return (
    <p className="mt-1 text-xs">
      Request ID for support: <code className="font-mono break-all select-all">{id}</code>
    </p>
  );
}

function secondsUntil(at: number): number {
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** "Retrying in N s", ticking once a second until the next attempt. */
function Countdown({ at }: { at: number }) {
  const [seconds, setSeconds] = useState(() => secondsUntil(at));
  useEffect(() => {
    const timer = setInterval(() => {
      setSeconds(secondsUntil(at));
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [at]);
  return <>{seconds} s</>;
}

/** What the recruiter sees while an automatic retry or the connection is awaited. */
export function WaitNotice({ wait, onCancel }: { wait: SubmissionWait; onCancel: () => void }) {
  const reason =
    wait.reason === 'rate_limited'
      ? 'Rate limited by Ontora.'
      : (wait.lastError?.message ?? 'The request failed.');
  let text: ReactNode;
  // Read out once per attempt (the ticking countdown is not); worded apart from the visible
  // text so each sentence exists once on the page.
  let spoken: string;
  if (wait.reason === 'offline' || wait.retryAt === null) {
    text = 'You are offline. The contact will be sent when the connection is back.';
    spoken = 'No connection: the contact goes out once you are back online.';
  } else {
    text = (
      <>
        {reason} Retrying in <Countdown at={wait.retryAt} /> (attempt {wait.nextAttempt}).
      </>
    );
    spoken = `Sending failed; trying again automatically (attempt ${wait.nextAttempt}).`;
  }
  return (
    <Alert
      tone="warning"
      title={wait.reason === 'offline' ? 'Waiting for the connection' : 'Retrying automatically'}
    >
      <p>{text}</p>
      <p role="status" className="sr-only">
        {spoken}
      </p>
      <p className="mt-1">Your details are kept, and the retry cannot create a second contact.</p>
      <RequestId id={wait.lastError?.requestId ?? null} />
      <Button variant="secondary" size="sm" className="mt-2" onClick={onCancel}>
        Cancel sending
      </Button>
    </Alert>
  );
}

function titleFor(error: ApiError): string {
  if (error.kind === 'aborted') return 'Sending cancelled';
  if (error.kind === 'unexpected_response') return 'Unexpected answer from the API';
  if (error.kind === 'network') return 'No connection';
  if (error.kind === 'timeout') return 'No answer in time';
  switch (error.status) {
    case 401:
      return 'Not authorised: your session may have expired';
    case 403:
      return 'Access denied';
    case 404:
      return 'This interview no longer exists';
    case 409:
      return 'Not added';
    case 422:
      return 'Some details need fixing';
    case 429:
      return 'Rate limited';
    default:
      return 'The contact was not added';
  }
}

/** Whether "Retry" (same Idempotency-Key) is worth offering for this failure. */
function canRetry(error: ApiError): boolean {
  if (error.kind !== 'http') return true;
  const status = error.status ?? 0;
  return status === 401 || status === 429 || status >= 500;
}

/**
 * The form-level message after a failed submission: plain words, the API's own detail and code,
 * the request id for support, and what to do next. Announced once (role="alert" on mount).
 */
export function SubmitErrorAlert({
  error,
  onRetry,
  backHref,
}: {
  error: ApiError;
  onRetry: () => void;
  backHref?: string;
}) {
  const fieldCount = Object.keys(error.fieldErrors).length;
  return (
    <Alert announce tone={error.kind === 'aborted' ? 'warning' : 'danger'} title={titleFor(error)}>
      {error.status === 422 && fieldCount > 0 ? (
        <p>
          {problemCount(fieldCount + error.formErrors.length)}. Ontora rejected them; each message
          is shown next to its field.
        </p>
      ) : (
        <p>{error.message}</p>
      )}
      {error.formErrors.length > 0 && !(error.status === 422 && fieldCount > 0) ? (
        <ul className="mt-1 list-disc pl-5">
          {error.formErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {error.detail && error.kind === 'http' && error.detail !== error.message ? (
        <p className="mt-1">
          Ontora said: <q className="break-words">{error.detail}</q>
        </p>
      ) : null}
      {error.kind === 'unexpected_response' && error.partial ? (
        <p className="mt-1">
          The contact may have been created. What could be read:{' '}
          {Object.entries(error.partial).map(([key, value]) => (
            <span key={key} className="mr-2">
              {key} <code className="font-mono break-all">{String(value)}</code>
            </span>
          ))}
        </p>
      ) : null}
      {error.code ? (
        <p className="mt-1 text-xs">
          Code: <code className="font-mono">{error.code}</code>
        </p>
      ) : null}
      <RequestId id={error.requestId} />
      <p className="mt-1">What you typed is kept.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {canRetry(error) ? (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Retry
          </Button>
        ) : null}
        {error.status === 404 && backHref ? (
          <a
            href={backHref}
            className="inline-flex min-h-8 items-center rounded-md px-3 text-sm font-medium text-brand underline hover:text-brand-dark dark:text-brand-light"
          >
            Back to interviews
          </a>
        ) : null}
      </div>
    </Alert>
  );
}
