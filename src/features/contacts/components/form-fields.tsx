import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormState, type Control, type UseFormRegister } from 'react-hook-form';
import { cn } from '@/lib/cn';
import { useRenderProbe } from '@/lib/render-probe';
import type { ContactCreate } from '@/contracts/ontora';
import type { ContactFormValues } from '../contact-form-schema';
import { FIELD_LABELS } from '../field-labels';

/** The form's control: inputs hold ContactFormValues, a valid submit yields a ContactCreate. */
export type ContactFormControl = Control<ContactFormValues, unknown, ContactCreate>;

type FieldName = keyof ContactFormValues;

export const fieldId = (formId: string, name: FieldName) => `${formId}-${name}`;

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-500 focus:border-brand focus:ring-2 focus:ring-brand/40 focus:outline-none disabled:bg-slate-100 aria-invalid:border-red-600 aria-invalid:ring-red-600/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 dark:focus:border-brand-light dark:aria-invalid:border-red-400';

/**
 * Subscribes to one field's error only, so a message changing on one field re-renders that
 * field alone (typing never re-renders the rest of the form).
 */
export function useFieldError(control: ContactFormControl, name: FieldName) {
  const { errors } = useFormState({ control, name, exact: true });
  return errors[name]?.message;
}

/** The describedby ids of a field: its message (when shown) and its help (when any). */
export function describedBy(id: string, hasError: boolean, hasHelp: boolean): string | undefined {
  const ids = [hasError && `${id}-error`, hasHelp && `${id}-help`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The line under a field. It always takes one line of space, so a message appearing never
 * shifts the form; `aria-describedby` points at it only while it holds a message.
 */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={`${id}-error`} className="min-h-5 text-sm text-red-700 dark:text-red-300">
      {message ? (
        <>
          <span className="sr-only">Error: </span>
          {message}
        </>
      ) : null}
    </p>
  );
}

export function FieldHelp({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
      {children}
    </p>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  formId: string;
  name: Exclude<FieldName, 'is_required' | 'question_set_id'>;
  help?: ReactNode;
  required?: boolean;
  control: ContactFormControl;
  register: UseFormRegister<ContactFormValues>;
  after?: ReactNode;
}

export function TextField({
  formId,
  name,
  help,
  required,
  control,
  register,
  after,
  className,
  ...inputProps
}: TextFieldProps) {
  const id = fieldId(formId, name);
  const error = useFieldError(control, name);
  useRenderProbe(`field:${name}`);
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      {/* The asterisk sits outside the <label>, so the label's text is exactly the field's
          name (what getByLabel(…, { exact: true }) and users' speech commands match). */}
      <div className="flex items-baseline gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {FIELD_LABELS[name]}
        </label>
        {required ? (
          <span className="text-sm text-red-700 dark:text-red-300" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      <input
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, Boolean(error), Boolean(help))}
        {...inputProps}
        {...register(name)}
      />
      {after}
      {help ? <FieldHelp id={id}>{help}</FieldHelp> : null}
      <FieldMessage id={id} message={error} />
    </div>
  );
}

export function CheckboxField({
  formId,
  control,
  register,
  help,
}: {
  formId: string;
  control: ContactFormControl;
  register: UseFormRegister<ContactFormValues>;
  help: ReactNode;
}) {
  const id = fieldId(formId, 'is_required');
  const error = useFieldError(control, 'is_required');
  useRenderProbe('field:is_required');
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-brand focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 focus-visible:outline-none dark:accent-brand-light"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(error), true)}
          {...register('is_required')}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {FIELD_LABELS.is_required}
        </label>
      </div>
      <div className="pl-8">
        <FieldHelp id={id}>{help}</FieldHelp>
        <FieldMessage id={id} message={error} />
      </div>
    </div>
  );
}
