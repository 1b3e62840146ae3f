import { useEffect, useState } from 'react';
import type * as PickerModule from './question-set-picker';
import type { QuestionSetPickerProps } from './question-set-picker';

/**
 * The picker (downshift + react-virtual, ~25 KB gzip) loads right after the form is on screen
 * instead of delaying it: the recruiter starts with Name anyway. Until then a look-alike,
 * labelled, disabled box holds its place, so nothing shifts when the real picker arrives.
 */
let loaded: typeof PickerModule | null = null;
const loadPicker = () =>
  import('./question-set-picker').then((module) => {
    loaded = module;
    return module;
  });

function PickerPlaceholder({ id }: { id: string }) {
  return (
    <div className="w-full min-w-0">
      <label
        htmlFor={id}
        className="mb-1 block text-sm font-medium text-slate-700 dark:text-slate-200"
      >
        Question set
      </label>
      <input
        id={id}
        disabled
        placeholder="Loading…"
        className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:placeholder:text-slate-300"
      />
      {/* The real picker's status line. */}
      <div className="mt-1 min-h-4" />
    </div>
  );
}

export function LazyQuestionSetPicker(props: QuestionSetPickerProps) {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    // Started after the first commit, so the download begins once the form is usable.
    if (module) return;
    let active = true;
    void loadPicker().then((next) => {
      if (active) setModule(next);
    });
    return () => {
      active = false;
    };
  }, [module]);
  if (!module) return <PickerPlaceholder id={props.id} />;
  return <module.QuestionSetPicker {...props} />;
}
