import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type SyntheticEvent,
} from 'react';
import { Controller, useForm, useFormState } from 'react-hook-form';
import type { Environment } from 'downshift';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import type { ContactCreate, ContactOut, InterviewOut, QuestionSet } from '@/contracts/ontora';
import { isEndpointUnavailable } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-client-context';
import { ApiError, isApiError, isContactField } from '@/lib/api-error';
import { addNavigationGuard } from '@/lib/navigation-guard';
import { useOnline } from '@/lib/online-status';
import { loadPhoneLib } from '@/lib/phone';
import { useRenderProbe } from '@/lib/render-probe';
import { randomUuid } from '@/lib/uuid';
import { LazyQuestionSetPicker } from '@/features/question-sets/components/lazy-question-set-picker';
import { questionSetQueries } from '@/features/question-sets/api/question-set-queries';
import { useCreateContact } from '../api/use-create-contact';
import {
  createContactFormSchema,
  EMPTY_CONTACT_FORM,
  type ContactFormValues,
} from '../contact-form-schema';
import { acceptsContacts } from '../contact-status';
import { clearDraft, loadDraft, saveDraft } from '../draft-store';
import { FIELD_ORDER } from '../field-labels';
import { rememberQuestionSet, rememberedQuestionSet } from '../remembered-question-set';
import { ErrorSummary, problemCount } from './error-summary';
import {
  CheckboxField,
  describedBy,
  FieldHelp,
  FieldMessage,
  fieldId,
  TextField,
  type ContactFormControl,
  useFieldError,
} from './form-fields';
import { SubmitErrorAlert, WaitNotice } from './submit-feedback';

/** Needed only after a success: loaded when the first submission starts. */
const loadResultPanel = () => import('./result-panel');
const ResultPanel = lazy(() =>
  loadResultPanel().then((module) => ({ default: module.ResultPanel })),
);

/** Things a host (the embed) may want to hear about. */
export type AddContactEvent =
  | { type: 'submitting'; body: ContactCreate }
  | { type: 'contact-created'; contact: ContactOut }
  | { type: 'error'; error: ApiError }
  | { type: 'dirty-change'; dirty: boolean };

export interface AddContactFormProps {
  interviewId: string;
  /** The interview, when its header loaded: used for the "takes no new contacts" notice. */
  interview?: InterviewOut;
  /** Departments already on the interview, offered as suggestions. */
  departments?: string[];
  phoneCountry: string;
  /** A default question set (e.g. the embed's `question-set-id`); else the remembered one. */
  defaultQuestionSetId?: string | null;
  prefill?: Partial<ContactFormValues>;
  onEvent?: (event: AddContactEvent) => void;
  /** Where "Back to interviews" goes after a 404; none inside the embed. */
  backHref?: string;
  /** downshift environment for rendering inside a shadow root. */
  environment?: Environment;
  /**
   * Ask before leaving with unsaved changes (in-app navigation and closing the tab). The app's
   * page turns it on; an embed leaves it to the host, which gets `dirty-change` events.
   */
  guardUnsavedChanges?: boolean;
}

/** The last submitted body and its key: a retry of the same values reuses the key. */
interface PendingSubmission {
  key: string;
  bodyJson: string;
}

export function AddContactForm({
  interviewId,
  interview,
  departments = [],
  phoneCountry,
  defaultQuestionSetId,
  prefill,
  onEvent,
  backHref,
  environment,
  guardUnsavedChanges = false,
}: AddContactFormProps) {
  const formId = useId().replace(/:/g, '');
  const api = useApiClient();
  const schema = useMemo(() => createContactFormSchema({ phoneCountry }), [phoneCountry]);

  const initialValues = useMemo<ContactFormValues>(
    () => ({
      ...EMPTY_CONTACT_FORM,
      question_set_id: defaultQuestionSetId ?? rememberedQuestionSet(interviewId),
      ...prefill,
    }),
    // Initial values only: later prop changes must not wipe what the recruiter typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [interviewId],
  );

  const { control, register, handleSubmit, setError, setFocus, reset, subscribe, getValues } =
    useForm<ContactFormValues, unknown, ContactCreate>({
      resolver: zodResolver(schema),
      defaultValues: initialValues,
      mode: 'onTouched',
      reValidateMode: 'onChange',
      shouldFocusError: false,
    });

  const questionSets = useQuery(questionSetQueries.list(api, interviewId));
  const mutation = useCreateContact(interviewId);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ContactOut | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inFlight = useRef(false);
  const [restoredDraft] = useState(() => loadDraft(interviewId));
  const [showDraftNotice, setShowDraftNotice] = useState(restoredDraft !== null);
  const pending = useRef<PendingSubmission | null>(
    restoredDraft?.pendingKey && restoredDraft.pendingBody
      ? { key: restoredDraft.pendingKey, bodyJson: restoredDraft.pendingBody }
      : null,
  );

  // What the form was last reset to: values equal to it are not a draft worth keeping.
  // Kept as JSON: it is compared on every keystroke.
  const baseline = useRef(JSON.stringify(initialValues));
  const resetTo = (values: ContactFormValues) => {
    baseline.current = JSON.stringify(values);
    // keepFieldsRef: write the values into the inputs now and keep them registered. Without
    // it RHF forgets its fields until the next render, and a keystroke landing in between
    // (a fast recruiter, a busy machine) is lost or merged with the re-applied value.
    reset(values, { keepFieldsRef: true });
  };

  const persistDraft = (values: ContactFormValues) => {
    const untouched = JSON.stringify(values) === baseline.current;
    if (untouched && !pending.current) clearDraft(interviewId);
    else {
      saveDraft(interviewId, {
        values,
        pendingKey: pending.current?.key ?? null,
        pendingBody: pending.current?.bodyJson ?? null,
      });
    }
  };

  useEffect(() => {
    // A restored draft counts as unsaved changes: reset keeps the defaults, so it is dirty.
    if (restoredDraft)
      reset(restoredDraft.values, { keepDefaultValues: true, keepFieldsRef: true });
  }, [restoredDraft, reset]);

  useEffect(() => {
    // Every change goes to session storage at once (a few hundred bytes): a crash a moment
    // after typing still finds the draft.
    return subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        persistDraft(values);
      },
    });
    // persistDraft reads refs and initial values only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subscribe]);

  const [focusName, setFocusName] = useState(0);
  useEffect(() => {
    // After a reset has re-registered the fields and the clicked button (which held focus) is
    // gone; focusing during the reset does nothing.
    if (focusName > 0) setFocus('name');
  }, [focusName, setFocus]);

  const discardDraft = () => {
    pending.current = null;
    clearDraft(interviewId);
    resetTo(initialValues);
    setShowDraftNotice(false);
    setFocusName((count) => count + 1);
  };

  const focusFirstError = (names: Iterable<string>) => {
    const set = new Set(names);
    const first = FIELD_ORDER.find((name) => set.has(name));
    if (first) setFocus(first);
  };

  async function send(body: ContactCreate) {
    // A second click, Enter, or retry while a request is in flight never sends another.
    if (inFlight.current) return;
    inFlight.current = true;
    const bodyJson = JSON.stringify(body);
    const key = pending.current?.bodyJson === bodyJson ? pending.current.key : randomUuid();
    pending.current = { key, bodyJson };
    persistDraft(getValues());
    setSubmitError(null);
    // Fetched while the request is in flight; offline it fails quietly and loads on success.
    loadResultPanel().catch(() => undefined);
    setAnnouncement('Sending…');
    onEvent?.({ type: 'submitting', body });
    try {
      const contact = await mutation.mutateAsync({ body, idempotencyKey: key });
      pending.current = null;
      clearDraft(interviewId);
      setShowDraftNotice(false);
      rememberQuestionSet(interviewId, body.question_set_id ?? null);
      resetTo({ ...EMPTY_CONTACT_FORM, question_set_id: body.question_set_id ?? null });
      setResult(contact);
      setAnnouncement(`Contact ${contact.name} added.`);
      onEvent?.({ type: 'contact-created', contact });
    } catch (error) {
      const apiError = isApiError(error)
        ? error
        : // Programming errors still surface as a message, never as a blank screen.
          new ApiError({
            kind: 'unexpected_response',
            message: error instanceof Error ? error.message : 'Something went wrong.',
          });
      const fields = Object.entries(apiError.fieldErrors).filter(([name]) => isContactField(name));
      for (const [name, messages] of fields) {
        setError(name as keyof ContactFormValues, {
          type: 'server',
          message: messages.join(' '),
        });
      }
      setSubmitError(apiError);
      setAnnouncement('');
      onEvent?.({ type: 'error', error: apiError });
      if (fields.length > 0) focusFirstError(fields.map(([name]) => name));
    } finally {
      inFlight.current = false;
    }
  }

  const submit = (event?: SyntheticEvent<HTMLFormElement>) =>
    handleSubmit(send, (errors) => {
      setAnnouncement(`${problemCount(Object.keys(errors).length)}.`);
      focusFirstError(Object.keys(errors));
    })(event);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    if (inFlight.current) {
      event.preventDefault();
      return;
    }
    void submit(event);
  };

  // Retry sends what the form holds now: unchanged values reuse their Idempotency-Key (so a
  // request that did reach Ontora is replayed, not doubled); edited values get a new one.
  const retry = () => {
    void submit();
  };

  const addAnother = () => {
    resetTo({ ...EMPTY_CONTACT_FORM, question_set_id: rememberedQuestionSet(interviewId) });
    setSubmitError(null);
    setResult(null);
    setAnnouncement('');
    setFocusName((count) => count + 1);
  };

  const fieldProps = { formId, control, register };
  const locked = interview !== undefined && !acceptsContacts(interview.status);
  const departmentListId = `${formId}-departments`;

  return (
    <div className="@container">
      <div className="grid gap-6 @3xl:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <form
          noValidate
          onSubmit={onSubmit}
          aria-labelledby={`${formId}-title`}
          className="flex flex-col gap-3"
        >
          <h2
            id={`${formId}-title`}
            className="text-lg font-semibold text-slate-900 dark:text-slate-100"
          >
            Add contact
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Fields marked <span aria-hidden="true">*</span>
            <span className="sr-only">as required</span> are required.
          </p>

          {locked ? (
            <Alert tone="warning" title="This interview is completed">
              Completed interviews take no new contacts. You can still try: Ontora will answer if it
              disagrees.
            </Alert>
          ) : null}

          <div role="status" className="sr-only">
            {announcement}
          </div>

          <OfflineBanner />
          {showDraftNotice && restoredDraft ? (
            <Alert tone="info" title="Restored your unsent draft">
              <p>
                {restoredDraft.pendingKey
                  ? 'It may already have been sent before the page reloaded. Sending it again is safe: it cannot create a second contact.'
                  : 'What you typed before the page reloaded is back.'}
              </p>
              <Button variant="secondary" size="sm" className="mt-2" onClick={discardDraft}>
                Discard draft
              </Button>
            </Alert>
          ) : null}

          <ErrorSummary
            formId={formId}
            control={control}
            setFocus={setFocus}
            serverProblems={submitError?.status === 422 ? submitError.formErrors : []}
          />
          {mutation.wait ? <WaitNotice wait={mutation.wait} onCancel={mutation.cancel} /> : null}
          {submitError && !mutation.isPending ? (
            <SubmitErrorAlert error={submitError} onRetry={retry} backHref={backHref} />
          ) : null}

          <div className="grid gap-x-4 gap-y-1 @lg:grid-cols-2">
            <TextField
              className="@lg:col-span-2"
              {...fieldProps}
              name="name"
              required
              autoComplete="off"
            />
            <TextField
              {...fieldProps}
              name="email"
              type="email"
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              {...fieldProps}
              name="phone"
              type="tel"
              autoComplete="off"
              help={`Saved in international form (E.164). Numbers without +country are read as ${phoneCountry}.`}
              onFocus={() => void loadPhoneLib()}
            />
            <TextField {...fieldProps} name="job_title" autoComplete="off" />
            <TextField
              {...fieldProps}
              name="department"
              autoComplete="off"
              list={departments.length > 0 ? departmentListId : undefined}
              // Always shown, so it doesn't appear (and move the form) when the contacts load.
              help="Suggests the departments already on this interview."
              after={
                departments.length > 0 ? (
                  <datalist id={departmentListId}>
                    {departments.map((department) => (
                      <option key={department} value={department} />
                    ))}
                  </datalist>
                ) : null
              }
            />
            <TextField
              {...fieldProps}
              name="seniority_level"
              inputMode="numeric"
              autoComplete="off"
              help="A whole number. Ontora documents no scale; it orders interviews “seniority high first”, so a higher number means more senior."
            />
            <QuestionSetField
              formId={formId}
              control={control}
              className="@lg:col-span-2"
              query={questionSets}
              environment={environment}
            />
          </div>

          <CheckboxField
            {...fieldProps}
            help="Marks this person as one the interview must hear from. Ontora doesn’t document more; required contacts likely count toward the interview’s completion threshold."
          />

          <SubmitButton control={control} pending={mutation.isPending} />
          <DirtyReporter control={control} onEvent={onEvent} guard={guardUnsavedChanges} />
        </form>

        <div>
          {result ? (
            <Suspense fallback={<ResultPlaceholder text="Loading the result…" />}>
              <ResultPanel contact={result} onAddAnother={addAnother} />
            </Suspense>
          ) : (
            <ResultPlaceholder text="After you add a contact, its meeting link, status and booking token appear here." />
          )}
        </div>
      </div>
    </div>
  );
}

function ResultPlaceholder({ text }: { text: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {text}
    </div>
  );
}

function QuestionSetField({
  formId,
  control,
  className,
  query,
  environment,
}: {
  formId: string;
  control: ContactFormControl;
  className?: string;
  query: UseQueryResult<QuestionSet[]>;
  environment?: Environment;
}) {
  const id = fieldId(formId, 'question_set_id');
  const error = useFieldError(control, 'question_set_id');
  useRenderProbe('field:question_set_id');
  const unavailable = query.isError && isEndpointUnavailable(query.error);
  const state = query.isPending
    ? 'loading'
    : unavailable
      ? 'unavailable'
      : query.isError
        ? 'error'
        : 'ready';
  return (
    <div className={className}>
      <Controller
        control={control}
        name="question_set_id"
        render={({ field }) => (
          <LazyQuestionSetPicker
            id={id}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            questionSets={query.data}
            state={state}
            unavailableReason={query.error?.status ? `HTTP ${query.error.status}` : undefined}
            errorMessage={query.error?.message}
            onRetry={() => void query.refetch()}
            invalid={Boolean(error)}
            describedBy={describedBy(id, Boolean(error), true)}
            environment={environment}
          />
        )}
      />
      <FieldHelp id={id}>
        The questions Ontora’s interview agent asks this person.{' '}
        {state === 'unavailable' ? 'Leave it empty' : '“None”'} lets Ontora choose.
      </FieldHelp>
      <FieldMessage id={id} message={error} />
    </div>
  );
}

/** Subscribes to submit state alone, so the button never makes the fields re-render. */
function SubmitButton({ control, pending }: { control: ContactFormControl; pending: boolean }) {
  const { isSubmitting } = useFormState({ control });
  const busy = pending || isSubmitting;
  return (
    <div className="mt-2 flex items-center gap-3">
      <Button type="submit" disabled={busy} aria-disabled={busy}>
        {busy ? <Spinner /> : null}
        Add contact
      </Button>
      {busy ? (
        <span className="text-sm text-slate-600 dark:text-slate-400" aria-hidden="true">
          Sending…
        </span>
      ) : null}
    </div>
  );
}

const LEAVE_MESSAGE = 'You have an unsent contact. Leave this page? Your draft stays in this tab.';

/** Reports dirty changes to the host and, when asked, guards leaving with unsaved changes. */
function DirtyReporter({
  control,
  onEvent,
  guard,
}: {
  control: ContactFormControl;
  onEvent?: (event: AddContactEvent) => void;
  guard: boolean;
}) {
  const { isDirty } = useFormState({ control });
  const last = useRef(false);
  useEffect(() => {
    if (last.current === isDirty) return;
    last.current = isDirty;
    onEvent?.({ type: 'dirty-change', dirty: isDirty });
  }, [isDirty, onEvent]);

  useEffect(() => {
    if (!guard || !isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const removeGuard = addNavigationGuard(() => window.confirm(LEAVE_MESSAGE));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      removeGuard();
    };
  }, [guard, isDirty]);
  return null;
}

function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <Alert tone="warning" title="You are offline">
      Keep typing: nothing is lost. A contact you add is sent when the connection is back, or you
      can cancel it.
    </Alert>
  );
}
