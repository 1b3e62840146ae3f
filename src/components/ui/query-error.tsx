import type { ReactNode } from 'react';
import type { ApiError } from '@/lib/api-error';
import { Alert } from './alert';
import { Button } from './button';

/** A failed read: what happened, the request id for support, and Retry. */
export function QueryError({
  title,
  error,
  onRetry,
  retryLabel = 'Retry',
  children,
}: {
  title: string;
  error: ApiError;
  onRetry: () => void;
  retryLabel?: string;
  children?: ReactNode;
}) {
  return (
    <Alert tone="danger" title={title}>
      <p>{error.message}</p>
      {error.requestId ? (
        <p className="mt-1 text-xs">
          Request ID for support: <code className="font-mono">{error.requestId}</code>
        </p>
      ) : null}
      {children}
      <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
        {retryLabel}
      </Button>
    </Alert>
  );
}
