import { useFormState, type UseFormSetFocus } from 'react-hook-form';
import { FIELD_LABELS, FIELD_ORDER } from '../field-labels';
import type { ContactFormValues } from '../contact-form-schema';
import { fieldId, type ContactFormControl } from './form-fields';

/** "There are N problems with this contact": the summary's heading, the alert and the announcement. */
export function problemCount(count: number): string {
  return count === 1
    ? 'There is 1 problem with this contact'
    : `There are ${count} problems with this contact`;
}

/**
 * Lists every problem after a failed submit, each a link to its field. It updates as fields are
 * fixed but is not a live region: the one announcement per failed submit comes from the form's
 * status message (or, for an API 422, from its alert), so fixing fields floods nothing.
 */
export function ErrorSummary({
  formId,
  control,
  setFocus,
  serverProblems,
}: {
  formId: string;
  control: ContactFormControl;
  setFocus: UseFormSetFocus<ContactFormValues>;
  /** Problems the API reported that belong to no field (a 422's other `loc`s). */
  serverProblems: string[];
}) {
  const { errors, submitCount } = useFormState({ control });
  if (submitCount === 0) return null;
  const problems = FIELD_ORDER.flatMap((name) => {
    const message = errors[name]?.message;
    return message ? [{ name, message }] : [];
  });
  const total = problems.length + serverProblems.length;
  if (total === 0) return null;

  return (
    <nav
      aria-labelledby={`${formId}-summary`}
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h3 id={`${formId}-summary`} className="font-semibold">
        {problemCount(total)}
      </h3>
      <ul className="mt-1 list-disc pl-5">
        {problems.map(({ name, message }) => (
          <li key={name}>
            <a
              href={`#${fieldId(formId, name)}`}
              className="underline underline-offset-2"
              onClick={(event) => {
                // Hash links can't reach into a shadow root (the embed), so focus directly.
                event.preventDefault();
                setFocus(name);
              }}
            >
              {FIELD_LABELS[name]}: {message}
            </a>
          </li>
        ))}
        {serverProblems.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </nav>
  );
}
