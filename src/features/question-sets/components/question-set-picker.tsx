/**
 * The "Question set" field of the add-contact form: a WAI-ARIA combobox (downshift's
 * `useCombobox`) over a virtualised listbox (@tanstack/react-virtual), so interviews with
 * thousands of question sets stay fast. See docs/decisions/0003-question-set-picker.md.
 *
 * It is a plain controlled component (`value` / `onChange` / `onBlur` / `inputRef`) so that
 * react-hook-form can drive it through `Controller`, and it keeps its own typing state so a
 * keystroke re-renders the picker only, never the whole form.
 */
import { useCombobox, type Environment, type UseComboboxState } from 'downshift';
import type { UseComboboxStateChangeOptions } from 'downshift';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { QuestionSet } from '@/contracts/ontora';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/cn';

export type QuestionSetPickerState = 'loading' | 'error' | 'ready' | 'unavailable';

export interface QuestionSetPickerProps {
  /** Id of the `<input>`; the picker renders its own `<label>` ("Question set") for it. */
  id: string;
  /** Selected question set id; `null` means "None". */
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  /** Lets the form focus the field, e.g. on a failed submit. */
  inputRef?: Ref<HTMLInputElement>;
  questionSets: QuestionSet[] | undefined;
  /** `unavailable`: the listing endpoint answered 404/405/501, so ids are pasted instead. */
  state: QuestionSetPickerState;
  /** Shown in the help text of the `unavailable` state, e.g. "HTTP 404". */
  unavailableReason?: string;
  /** The load error shown in the `error` state. */
  errorMessage?: string;
  /** Called by the Retry button of the `error` state. */
  onRetry?: () => void;
  /** Sets `aria-invalid` on the input (the form renders the message). */
  invalid?: boolean;
  /** Extra ids for `aria-describedby` (the form's error message, help text). */
  describedBy?: string;
  disabled?: boolean;
  /**
   * Passed to downshift. Inside a shadow root, give an object whose add/removeEventListener
   * listen on the shadow root, so clicks inside the popup are not taken for outside clicks.
   */
  environment?: Environment;
}

export function QuestionSetPicker(props: QuestionSetPickerProps) {
  // Two components rather than one with a branch, so each keeps its hooks unconditional.
  return props.state === 'unavailable' ? (
    <QuestionSetIdInput {...props} />
  ) : (
    <QuestionSetCombobox {...props} />
  );
}

// ---------------------------------------------------------------------------------------------
// Shared bits
// ---------------------------------------------------------------------------------------------

const LABEL_TEXT = 'Question set';

/** Fixed row height (px): must match the `h-12` of an option row. Fixed rows keep the
 *  virtualiser exact without measuring every row. */
const ROW_HEIGHT = 48;
/** Must match the menu's `max-h-72` (18rem = 288px). */
const MENU_MAX_HEIGHT = 288;

function joinIds(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

const labelClass = 'mb-1 block text-sm font-medium text-slate-700 dark:text-slate-200';

/** The bordered box; the ring sits on the box (focus-within) so input and toggle read as one. */
function fieldBoxClass(invalid: boolean, disabled: boolean): string {
  return cn(
    'flex w-full min-w-0 items-stretch rounded-md border bg-white shadow-xs transition-colors dark:bg-slate-900',
    'focus-within:ring-2 focus-within:ring-offset-1 focus-within:ring-offset-white dark:focus-within:ring-offset-slate-950',
    invalid
      ? 'border-red-600 focus-within:ring-red-600 dark:border-red-400 dark:focus-within:ring-red-400'
      : 'border-slate-300 focus-within:border-brand focus-within:ring-brand dark:border-slate-600 dark:focus-within:border-brand-light dark:focus-within:ring-brand-light',
    disabled && 'cursor-not-allowed bg-slate-50 opacity-70 dark:bg-slate-800',
  );
}

// `outline-hidden` (not `outline-none`) keeps a real outline in forced-colors mode, where the
// box-shadow ring of the field box is not painted.
const inputClass =
  'min-w-0 flex-1 rounded-md bg-transparent px-3 py-2 text-sm text-slate-900 outline-hidden placeholder:text-slate-500 disabled:cursor-not-allowed dark:text-slate-100 dark:placeholder:text-slate-400';

function matchSummary(count: number): string {
  if (count === 0) return 'No question sets match';
  return count === 1
    ? '1 question set matches'
    : `${count.toLocaleString('en-US')} question sets match`;
}

function formatQuestionCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'question' : 'questions'}`;
}

// ---------------------------------------------------------------------------------------------
// 'unavailable': the API cannot list question sets, so the user pastes an id
// ---------------------------------------------------------------------------------------------

function normaliseId(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function QuestionSetIdInput({
  id,
  value,
  onChange,
  onBlur,
  inputRef,
  unavailableReason,
  invalid = false,
  describedBy,
  disabled = false,
}: QuestionSetPickerProps) {
  // The draft keeps what the user typed (spaces included) while `onChange` gets the trimmed id;
  // binding the input to `value` directly would eat spaces mid-paste and move the caret.
  const [draft, setDraft] = useState(value ?? '');
  const [previousValue, setPreviousValue] = useState(value);
  if (value !== previousValue) {
    // The form changed the value (reset, remembered id): show it unless it is just our own
    // trimmed echo of the draft.
    setPreviousValue(value);
    if (value !== normaliseId(draft)) setDraft(value ?? '');
  }

  const helpId = `${id}-help`;
  const reason = unavailableReason ? ` (${unavailableReason})` : '';

  return (
    <div className="w-full min-w-0">
      <label htmlFor={id} className={labelClass}>
        {LABEL_TEXT}
      </label>
      <div className={fieldBoxClass(invalid, disabled)}>
        <input
          id={id}
          ref={inputRef}
          type="text"
          className={cn(inputClass, 'font-mono')}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            onChange(normaliseId(event.target.value));
          }}
          onBlur={onBlur}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6"
          aria-invalid={invalid || undefined}
          aria-describedby={joinIds(helpId, describedBy)}
        />
      </div>
      <p id={helpId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {`This API doesn't list question sets${reason}. Paste a question set ID instead.`}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The combobox
// ---------------------------------------------------------------------------------------------

/** The "None" option. A sentinel object (compared by identity) keeps every item a QuestionSet. */
const NONE_ITEM: QuestionSet = {
  id: '',
  name: 'None',
  description: null,
  question_count: null,
  created_at: null,
};

/** The input shows nothing for None (the placeholder says "None"); a set shows its name. */
function itemToString(item: QuestionSet | null): string {
  return item === null || item === NONE_ITEM ? '' : item.name;
}

function itemToKey(item: QuestionSet | null): string | null {
  return item?.id ?? null;
}

/** The accessible name of an option: short, because screen readers repeat it on every arrow
 *  press. The description stays visual (and in `title`); see the ADR. */
function optionLabel(item: QuestionSet): string {
  if (item === NONE_ITEM) return 'None';
  return item.question_count === null
    ? item.name
    : `${item.name}, ${formatQuestionCount(item.question_count)}`;
}

const { stateChangeTypes } = useCombobox;

// Extend the default rect observer: a listbox that is hidden or not laid out yet (and every
// element in jsdom) reports a height of 0, for which the virtualiser renders no rows at all.
// The menu's max height is an upper bound of the visible area, so assuming it only renders a
// few rows too many until the real size (from the ResizeObserver) arrives.
const observeMenuRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => {
    callback(rect.height > 0 ? rect : { width: rect.width, height: MENU_MAX_HEIGHT });
  });

// downshift would call `scrollIntoView` on the highlighted node, which may not be rendered in a
// virtual list; the virtualiser scrolls instead (onHighlightedIndexChange).
function noScroll() {
  /* intentionally empty */
}

function QuestionSetCombobox({
  id,
  value,
  onChange,
  onBlur,
  inputRef,
  questionSets,
  state,
  errorMessage,
  onRetry,
  invalid = false,
  describedBy,
  disabled = false,
  environment,
}: QuestionSetPickerProps) {
  const menuRef = useRef<HTMLDivElement>(null);

  // The selected item. An id that is not in the list (remembered, pasted, list still loading)
  // becomes a stand-in item named after the raw id, so the input shows the id, not a blank.
  const selectedItem = useMemo<QuestionSet>(() => {
    if (value === null) return NONE_ITEM;
    return (
      questionSets?.find((set) => set.id === value) ?? {
        id: value,
        name: value,
        description: null,
        question_count: null,
        created_at: null,
      }
    );
  }, [value, questionSets]);
  const selectedLabel = itemToString(selectedItem);

  // Lower-cased "name \n description" per set, built once per list rather than per keystroke.
  const haystacks = useMemo(
    () => (questionSets ?? []).map((set) => `${set.name}\n${set.description ?? ''}`.toLowerCase()),
    [questionSets],
  );

  // A mirror of downshift's input text, kept by onInputValueChange (downshift's documented
  // pattern): the filtered `items` must exist before useCombobox, which is what returns the text.
  // Not passed back as a controlled `inputValue`, which would lag a render and move the caret.
  const [inputValue, setInputValueState] = useState(selectedLabel);

  // While the input shows the selection itself (nothing typed), the whole list is offered.
  const query = inputValue === selectedLabel ? '' : inputValue.trim().toLowerCase();

  const items = useMemo<QuestionSet[]>(() => {
    const sets = questionSets ?? [];
    if (query === '') return [NONE_ITEM, ...sets];
    const matches = sets.filter((_, index) => haystacks[index]?.includes(query) ?? false);
    // "None" is an option like the others: typing "no" finds it, typing "sales" hides it, so
    // ArrowDown after a search lands on the first match.
    return 'none'.includes(query) ? [NONE_ITEM, ...matches] : matches;
  }, [questionSets, haystacks, query]);

  const {
    isOpen,
    highlightedIndex,
    inputValue: downshiftInputValue,
    getLabelProps,
    getInputProps,
    getMenuProps,
    getItemProps,
    getToggleButtonProps,
    setInputValue,
  } = useCombobox<QuestionSet>({
    items,
    itemToString,
    itemToKey,
    selectedItem,
    initialInputValue: selectedLabel,
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-listbox`,
    toggleButtonId: `${id}-toggle`,
    getItemId: (index) => `${id}-option-${index}`,
    environment,
    scrollIntoView: noScroll,
    stateReducer,
    onInputValueChange: ({ inputValue: next }) => {
      setInputValueState(next);
    },
    onSelectedItemChange: ({ selectedItem: next }) => {
      onChange(next === null || next === NONE_ITEM ? null : next.id);
    },
    onHighlightedIndexChange: ({ highlightedIndex: index, type }) => {
      // Keyboard moves scroll the option into view; hovering must not scroll under the mouse.
      if (index < 0 || type === stateChangeTypes.ItemMouseMove) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
  });

  // The virtualiser is a mutable instance read during render, which React Compiler cannot
  // memoise; the compiler skipping this component is what we want (memoisation is explicit).
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => menuRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    enabled: isOpen,
    observeElementRect: observeMenuRect,
  });

  // The label of the selection can change without the selection changing (the list loads and
  // the raw id gets its name; a set is renamed). downshift only syncs the text when the
  // selected *key* changes, so sync it here, unless the user is in the middle of typing.
  const previousLabelRef = useRef(selectedLabel);
  useEffect(() => {
    const previousLabel = previousLabelRef.current;
    previousLabelRef.current = selectedLabel;
    if (previousLabel !== selectedLabel && downshiftInputValue === previousLabel) {
      setInputValue(selectedLabel);
    }
  }, [selectedLabel, downshiftInputValue, setInputValue]);

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Nothing to close or revert: let Escape reach an enclosing dialog instead of downshift
    // swallowing it (it calls preventDefault whenever an item is selected).
    if (event.key === 'Escape' && !isOpen && downshiftInputValue === selectedLabel) {
      (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
    }
  };

  const handleBlur = () => {
    // A filter left behind after Escape would read as the field's value: show the selection.
    if (!isOpen && downshiftInputValue !== selectedLabel) setInputValue(selectedLabel);
    onBlur?.();
  };

  const statusId = `${id}-status`;
  const sets = questionSets ?? [];
  const menuNote =
    state === 'loading'
      ? 'Loading question sets…'
      : state === 'error'
        ? "Couldn't load question sets."
        : sets.length === 0
          ? 'This interview has no question sets'
          : items.length === 0
            ? `No question sets match “${inputValue.trim()}”`
            : null;
  const matchCount = items[0] === NONE_ITEM ? items.length - 1 : items.length;

  return (
    <div className="relative w-full min-w-0">
      <label {...getLabelProps({ className: labelClass })}>{LABEL_TEXT}</label>
      <div className={fieldBoxClass(invalid, disabled)}>
        <input
          {...getInputProps({
            ref: inputRef,
            disabled,
            onKeyDown: handleKeyDown,
            onBlur: handleBlur,
            placeholder: 'None',
            spellCheck: false,
            className: inputClass,
            'aria-invalid': invalid || undefined,
            'aria-describedby': joinIds(
              (state === 'loading' || state === 'error') && statusId,
              describedBy,
            ),
          })}
        />
        <button
          type="button"
          {...getToggleButtonProps({
            disabled,
            // Not "…question set…": getByLabel('Question set') must find the input alone.
            'aria-label': 'Show all choices',
            className:
              'flex shrink-0 items-center rounded-r-md px-2 text-slate-500 hover:text-slate-800 disabled:cursor-not-allowed dark:text-slate-400 dark:hover:text-slate-100',
          })}
        >
          <svg
            className={cn(
              'size-4 transition-transform motion-reduce:transition-none',
              isOpen && 'rotate-180',
            )}
            viewBox="0 0 20 20"
            fill="currentColor"
            aria-hidden="true"
          >
            <path
              fillRule="evenodd"
              d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
              clipRule="evenodd"
            />
          </svg>
        </button>
      </div>

      {/* Inline (no portal) so it stays inside a shadow root; absolute so opening it does not
          shift the form, with no `top` so it sits right under the box (its static position),
          over the status line. Always mounted because downshift needs the menu element's ref. */}
      <div
        className={cn(
          'absolute inset-x-0 z-30 mt-1 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900',
          !isOpen && 'hidden',
        )}
      >
        <div
          {...getMenuProps({
            ref: menuRef,
            // Its own name rather than the field's label, for the same reason as the toggle.
            'aria-labelledby': undefined,
            'aria-label': 'Choices',
            className: cn(
              'max-h-72 overflow-y-auto overscroll-contain',
              items.length === 0 && 'hidden',
            ),
          })}
        >
          {isOpen && (
            <div
              role="presentation"
              className="relative w-full"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((row) => {
                const item = items[row.index];
                if (item === undefined) return null;
                const highlighted = row.index === highlightedIndex;
                const chosen = item === selectedItem;
                const meta =
                  item === NONE_ITEM
                    ? 'No question set'
                    : [
                        item.question_count === null
                          ? null
                          : formatQuestionCount(item.question_count),
                        item.description,
                      ]
                        .filter(Boolean)
                        .join(' · ');
                return (
                  <div
                    key={row.key}
                    {...getItemProps({
                      item,
                      index: row.index,
                      // Virtualised: tell assistive tech the full size and each option's place.
                      'aria-setsize': items.length,
                      'aria-posinset': row.index + 1,
                      'aria-label': optionLabel(item),
                      title: item.description ?? undefined,
                      className: cn(
                        'absolute inset-x-0 top-0 flex h-12 cursor-pointer items-center gap-2 px-3',
                        highlighted
                          ? 'bg-brand/10 dark:bg-brand-light/15'
                          : 'hover:bg-slate-50 dark:hover:bg-slate-800',
                      ),
                      style: { transform: `translateY(${row.start}px)` },
                    })}
                  >
                    <span className="min-w-0 flex-1">
                      <span
                        className={cn(
                          'block truncate text-sm font-medium',
                          item === NONE_ITEM
                            ? 'text-slate-600 italic dark:text-slate-300'
                            : 'text-slate-900 dark:text-slate-100',
                        )}
                      >
                        {item.name}
                      </span>
                      {meta !== '' && (
                        <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
                          {meta}
                        </span>
                      )}
                    </span>
                    {chosen && (
                      <svg
                        className="size-4 shrink-0 text-brand dark:text-brand-light"
                        viewBox="0 0 20 20"
                        fill="currentColor"
                        aria-hidden="true"
                      >
                        <path
                          fillRule="evenodd"
                          d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
                          clipRule="evenodd"
                        />
                      </svg>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {/* aria-hidden: the status region below carries this text for assistive tech. */}
        {menuNote !== null && (
          <p
            aria-hidden="true"
            className={cn(
              'flex items-center gap-2 px-3 py-2 text-sm text-slate-500 dark:text-slate-400',
              items.length > 0 && 'border-t border-slate-100 dark:border-slate-800',
            )}
          >
            {state === 'loading' && <Spinner className="size-3.5" />}
            {menuNote}
          </p>
        )}
      </div>

      {/* One polite live region, the accessible source of what the menu note shows: load
          progress and errors (visible under the field), and while the menu is open how many
          sets match or that there are none (screen readers only; the listbox is not announced).
          Margins sit on the visible children so sr-only text never shifts the layout. */}
      {/* One line is always reserved, so "Loading…" coming and going never moves the form. */}
      <div id={statusId} role="status" className="mt-1 min-h-4 text-xs">
        {state === 'loading' && (
          <span className="flex items-center gap-2 text-slate-600 dark:text-slate-400">
            <Spinner className="size-3.5" />
            Loading question sets…
          </span>
        )}
        {state === 'error' && (
          <span className="block text-red-700 dark:text-red-400">
            {`Couldn't load question sets${errorMessage ? `: ${errorMessage}` : '.'}`}
          </span>
        )}
        {state === 'ready' && isOpen && (sets.length === 0 || query !== '') && (
          <span className="sr-only">{sets.length === 0 ? menuNote : matchSummary(matchCount)}</span>
        )}
      </div>
      {state === 'error' && onRetry && (
        <button
          type="button"
          onClick={onRetry}
          aria-label="Retry loading question sets"
          className="mt-1 rounded-sm text-xs font-medium text-brand underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand dark:text-brand-light dark:focus-visible:outline-brand-light"
        >
          Retry
        </button>
      )}
    </div>
  );
}

/**
 * Departs from downshift's defaults in two places, both to never lose the selection silently:
 * - Escape on a closed menu reverts the text to the selection (downshift would clear the
 *   selection); picking "None" is the way to clear.
 * - Leaving the field without choosing (click outside) reverts a typed filter to the selection.
 */
function stateReducer(
  state: UseComboboxState<QuestionSet>,
  { type, changes }: UseComboboxStateChangeOptions<QuestionSet>,
): Partial<UseComboboxState<QuestionSet>> {
  switch (type) {
    case stateChangeTypes.InputKeyDownEscape:
      if (state.isOpen) return changes;
      return {
        ...changes,
        selectedItem: state.selectedItem,
        inputValue: itemToString(state.selectedItem),
      };
    case stateChangeTypes.InputBlur:
      if (changes.selectedItem !== undefined && changes.selectedItem !== state.selectedItem) {
        return changes;
      }
      return { ...changes, inputValue: itemToString(state.selectedItem) };
    default:
      return changes;
  }
}
