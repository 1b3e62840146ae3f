import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Environment } from 'downshift';
import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ApiClient } from '@/lib/api-client';
import { ApiClientProvider, useApiClient } from '@/lib/api-client-context';
import type { ApiError } from '@/lib/api-error';
import type { ContactFormValues } from '@/features/contacts/contact-form-schema';
import {
  AddContactForm,
  type AddContactEvent,
} from '@/features/contacts/components/add-contact-form';
import { useInterviewDepartments } from '@/features/contacts/components/contact-list';
import { interviewQueries } from '@/features/interviews/api/interview-queries';

export interface EmbedAppProps {
  api: ApiClient;
  queryClient: QueryClient;
  interviewId: string | null;
  phoneCountry: string;
  questionSetId: string | null;
  prefill: Partial<ContactFormValues> | undefined;
  /** Changes when the host sets new `prefill` values: the form starts over with them. */
  formKey: string;
  environment: Environment;
  onEvent: (event: AddContactEvent) => void;
  /** Failures outside a submission (e.g. the interview cannot be loaded). */
  onLoadError: (error: ApiError) => void;
}

/** What one `<ontora-add-contact>` renders: the app's providers around the app's form. */
export function EmbedApp({ api, queryClient, ...props }: EmbedAppProps) {
  return (
    <ApiClientProvider client={api}>
      <QueryClientProvider client={queryClient}>
        {props.interviewId ? (
          <EmbeddedForm {...props} interviewId={props.interviewId} />
        ) : (
          <Alert title="No interview">
            This form needs an <code>interview-id</code> attribute.
          </Alert>
        )}
      </QueryClientProvider>
    </ApiClientProvider>
  );
}

function EmbeddedForm({
  interviewId,
  phoneCountry,
  questionSetId,
  prefill,
  formKey,
  environment,
  onEvent,
  onLoadError,
}: Omit<EmbedAppProps, 'api' | 'queryClient'> & { interviewId: string }) {
  const api = useApiClient();
  // As on the app's page: the interview (for the "completed" notice) and department suggestions.
  const interview = useQuery(interviewQueries.detail(api, interviewId));
  const departments = useInterviewDepartments(interviewId);
  const loadError = interview.error;

  useEffect(() => {
    if (loadError) onLoadError(loadError);
  }, [loadError, onLoadError]);

  if (loadError?.status === 404) {
    return (
      <Alert title="Interview not found">
        This interview does not exist, or it is no longer available to this workspace.
      </Alert>
    );
  }

  return (
    <AddContactForm
      key={`${interviewId} ${formKey}`}
      interviewId={interviewId}
      interview={interview.data}
      departments={departments}
      phoneCountry={phoneCountry}
      defaultQuestionSetId={questionSetId}
      prefill={prefill}
      onEvent={onEvent}
      environment={environment}
    />
  );
}
