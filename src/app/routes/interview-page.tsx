import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { appConfig } from '@/config/env';
import { paths } from '@/config/paths';
import { useApiClient } from '@/lib/api-client-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AddContactForm } from '@/features/contacts/components/add-contact-form';
import { ContactList, useInterviewDepartments } from '@/features/contacts/components/contact-list';
import { interviewQueries } from '@/features/interviews/api/interview-queries';
import { InterviewHeader } from '@/features/interviews/components/interview-header';
import { NotFound } from './not-found';

/** `/interviews/{interview_id}`: the interview, the add-contact form, the contacts. */
export function InterviewPage({ interviewId }: { interviewId: string }) {
  const api = useApiClient();
  const interview = useQuery(interviewQueries.detail(api, interviewId));
  const departments = useInterviewDepartments(interviewId);
  useDocumentTitle(
    interview.isError && interview.error.status === 404
      ? 'Interview not found'
      : (interview.data?.name ?? 'Interview'),
  );

  if (interview.isError && interview.error.status === 404) {
    return (
      <NotFound
        title="Interview not found"
        message="This interview does not exist, or it is no longer available to this workspace."
      />
    );
  }

  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-6 outline-none"
    >
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href={paths.home.href()}
          className="text-brand underline-offset-2 hover:underline dark:text-brand-light"
        >
          ← Interviews
        </Link>
      </nav>
      <InterviewHeader interviewId={interviewId} />
      <AddContactForm
        key={interviewId}
        interviewId={interviewId}
        interview={interview.data}
        departments={departments}
        phoneCountry={appConfig.defaultPhoneCountry}
        backHref={paths.home.href()}
        guardUnsavedChanges
      />
      <ContactList interviewId={interviewId} />
    </main>
  );
}
