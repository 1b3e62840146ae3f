import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * A message block. `role="alert"` only when `announce` is set: an alert rendered at page load
 * (or re-rendered) must not repeat itself to screen readers.
 */
export function Alert({
  tone = 'danger',
  title,
  children,
  announce = false,
  className,
}: {
  tone?: 'danger' | 'warning' | 'info' | 'success';
  title?: ReactNode;
  children?: ReactNode;
  announce?: boolean;
  className?: string;
}) {
  return (
    <div
      role={announce ? 'alert' : undefined}
      className={cn(
        'rounded-md border p-3 text-sm',
        tone === 'danger' &&
          'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
        tone === 'warning' &&
          'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
        tone === 'info' &&
          'border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100',
        tone === 'success' &&
          'border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100',
        className,
      )}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
