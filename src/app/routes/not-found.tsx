import { Link } from 'wouter';
import { paths } from '@/config/paths';

export function NotFound({
  title = 'Page not found',
  message,
}: {
  title?: string;
  message?: string;
}) {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-16 outline-none"
    >
      <h1 className="text-2xl font-semibold text-slate-900 dark:text-slate-100">{title}</h1>
      <p className="text-slate-700 dark:text-slate-300">
        {message ?? 'There is nothing at this address.'}
      </p>
      <p>
        <Link
          href={paths.home.href()}
          className="font-medium text-brand underline underline-offset-2 dark:text-brand-light"
        >
          Back to interviews
        </Link>
      </p>
    </main>
  );
}
