import { createRef, useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { QuestionSet } from '@/contracts/ontora';
import { QuestionSetPicker, type QuestionSetPickerProps } from './question-set-picker';

const SETS: QuestionSet[] = [
  {
    id: 'qs-1',
    name: 'Onboarding',
    description: 'For new hires',
    question_count: 12,
    created_at: null,
  },
  {
    id: 'qs-2',
    name: 'Sales discovery',
    description: 'Pipeline questions',
    question_count: 1,
    created_at: null,
  },
  { id: 'qs-3', name: 'Exit interview', description: null, question_count: null, created_at: null },
  {
    id: 'qs-4',
    name: 'Engineering',
    description: 'Deep dive on ONBOARDING tooling',
    question_count: 30,
    created_at: null,
  },
];

/** Stands in for react-hook-form's Controller: the picker is only ever used controlled. */
function Harness({
  initialValue = null,
  onChange,
  ...props
}: Partial<QuestionSetPickerProps> & { initialValue?: string | null }) {
  const [value, setValue] = useState<string | null>(initialValue);
  return (
    <QuestionSetPicker
      id="question-set"
      state="ready"
      questionSets={SETS}
      {...props}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

function setup(props: Partial<QuestionSetPickerProps> & { initialValue?: string | null } = {}) {
  const onChange = vi.fn<(id: string | null) => void>();
  const user = userEvent.setup();
  const view = render(<Harness onChange={onChange} {...props} />);
  const input = screen.getByRole('combobox', { name: 'Question set' });
  return { ...view, user, onChange, input };
}

const optionNames = () =>
  screen.queryAllByRole('option').map((option) => option.getAttribute('aria-label'));

describe('QuestionSetPicker (combobox)', () => {
  it('renders a combobox labelled "Question set" with a toggle button', () => {
    setup();
    expect(screen.getByRole('combobox', { name: 'Question set' })).toHaveAttribute(
      'id',
      'question-set',
    );
    expect(screen.getByRole('button', { name: 'Show all choices' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Question set' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('lists None first, then every set with its question count', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Show all choices' }));
    expect(screen.getByRole('listbox')).toBeVisible();
    expect(optionNames()).toEqual([
      'None',
      'Onboarding, 12 questions',
      'Sales discovery, 1 question',
      'Exit interview',
      'Engineering, 30 questions',
    ]);
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-posinset', '2');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-setsize', '5');
  });

  it('filters case-insensitively on name and description as the user types', async () => {
    const { user, input } = setup();
    await user.type(input, 'onBOARD');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    // "Engineering" matches through its description.
    expect(optionNames()).toEqual(['Onboarding, 12 questions', 'Engineering, 30 questions']);
    expect(screen.getByRole('status')).toHaveTextContent('2 question sets match');

    await user.clear(input);
    await user.type(input, 'zzz');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('No question sets match');
  });

  it('moves with ArrowDown/ArrowUp/Home/End and selects with Enter', async () => {
    const { user, input, onChange } = setup();
    const highlighted = () => screen.getByRole('option', { selected: true });

    await user.tab();
    expect(input).toHaveFocus();
    // ArrowDown opens on the current selection, which is None.
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toHaveAccessibleName('None');
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toHaveAccessibleName('Onboarding, 12 questions');
    await user.keyboard('{End}');
    expect(highlighted()).toHaveAccessibleName('Engineering, 30 questions');
    await user.keyboard('{Home}');
    expect(highlighted()).toHaveAccessibleName('None');
    await user.keyboard('{ArrowUp}'); // wraps to the last option
    expect(highlighted()).toHaveAccessibleName('Engineering, 30 questions');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(highlighted()).toHaveAccessibleName('Sales discovery, 1 question');
    expect(input).toHaveAttribute('aria-activedescendant', highlighted().id);

    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('qs-2');
    expect(input).toHaveValue('Sales discovery');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('selects the first match with ArrowDown + Enter after filtering', async () => {
    const { user, input, onChange } = setup();
    await user.type(input, 'exit{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('qs-3');
    expect(input).toHaveValue('Exit interview');
  });

  it('selects with a click', async () => {
    const { user, input, onChange } = setup();
    await user.click(input);
    await user.click(screen.getByRole('option', { name: 'Onboarding, 12 questions' }));
    expect(onChange).toHaveBeenLastCalledWith('qs-1');
    expect(input).toHaveValue('Onboarding');
  });

  it('closes on Escape, and a second Escape reverts the filter text without clearing the value', async () => {
    const { user, input, onChange } = setup({ initialValue: 'qs-1' });
    expect(input).toHaveValue('Onboarding');

    await user.clear(input);
    await user.type(input, 'sal');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('sal');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('Onboarding');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reverts a leftover filter when the field loses focus', async () => {
    const onBlur = vi.fn();
    const { user, input, onChange } = setup({ initialValue: 'qs-1', onBlur });
    await user.clear(input);
    await user.type(input, 'eng{Escape}');
    await user.tab();
    expect(input).toHaveValue('Onboarding');
    expect(onChange).not.toHaveBeenCalled();
    expect(onBlur).toHaveBeenCalled();
  });

  it('choosing None calls onChange(null) and empties the input', async () => {
    const { user, input, onChange } = setup({ initialValue: 'qs-2' });
    await user.click(input);
    // Opening highlights the current selection.
    expect(screen.getByRole('option', { selected: true })).toHaveAccessibleName(
      'Sales discovery, 1 question',
    );
    await user.keyboard('{Home}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(input).toHaveValue('');
  });

  it('shows the raw id when the value is not in the list, and the name once it is', async () => {
    const unknownId = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    const { input, rerender } = setup({ initialValue: unknownId });
    expect(input).toHaveValue(unknownId);

    const arrived: QuestionSet = {
      id: unknownId,
      name: 'Late arrival',
      description: null,
      question_count: 3,
      created_at: null,
    };
    rerender(<Harness initialValue={unknownId} questionSets={[...SETS, arrived]} />);
    expect(await screen.findByDisplayValue('Late arrival')).toBe(input);
  });

  it('passes invalid, describedBy, disabled and inputRef through to the input', () => {
    const inputRef = createRef<HTMLInputElement>();
    render(
      <>
        <p id="qs-error">Pick a set</p>
        <Harness invalid describedBy="qs-error" inputRef={inputRef} disabled />
      </>,
    );
    const input = screen.getByRole('combobox', { name: 'Question set' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Pick a set');
    expect(input).toBeDisabled();
    expect(inputRef.current).toBe(input);
  });

  describe('with 10,000 sets', () => {
    const MANY: QuestionSet[] = Array.from({ length: 10_000 }, (_, index) => ({
      id: `set-${index}`,
      name: `Question set ${index}`,
      description: index % 2 === 0 ? 'Even' : 'Odd',
      question_count: index,
      created_at: null,
    }));

    it('keeps only a small window of options in the DOM while opening, filtering and jumping', async () => {
      const { user, input, onChange } = setup({ questionSets: MANY });
      await user.click(input);
      const options = screen.getAllByRole('option');
      expect(options.length).toBeGreaterThan(0);
      expect(options.length).toBeLessThanOrEqual(60);
      expect(options[0]).toHaveAttribute('aria-setsize', '10001');

      await user.type(input, 'set 99');
      // 99, 990–999, 9900–9999: 111 matches, still rendered as a window.
      expect(screen.getByRole('status')).toHaveTextContent('111 question sets match');
      const filtered = screen.getAllByRole('option');
      expect(filtered.length).toBeLessThanOrEqual(60);
      expect(filtered[0]).toHaveAccessibleName('Question set 99, 99 questions');

      await user.keyboard('{ArrowDown}{End}{Enter}');
      expect(onChange).toHaveBeenLastCalledWith('set-9999');
      expect(screen.queryAllByRole('option')).toHaveLength(0);
    });
  });
});

describe('QuestionSetPicker states', () => {
  it('loading: announces progress, shows a remembered id and still offers None', async () => {
    const { user, input, onChange } = setup({
      state: 'loading',
      questionSets: undefined,
      initialValue: 'qs-1',
    });
    expect(input).toHaveValue('qs-1');
    expect(screen.getByRole('status')).toHaveTextContent('Loading question sets…');
    expect(input).toHaveAccessibleDescription('Loading question sets…');
    await user.click(input);
    await user.click(screen.getByRole('option', { name: 'None' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('ready with no sets: says so and keeps None selectable', async () => {
    const { user, input, onChange } = setup({ questionSets: [], initialValue: 'qs-1' });
    await user.click(screen.getByRole('button', { name: 'Show all choices' }));
    expect(screen.getByRole('status')).toHaveTextContent('This interview has no question sets');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{ArrowDown}');
    await user.click(screen.getByRole('option', { name: 'None' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(input).toHaveValue('');
  });

  it('error: shows the message and a Retry button', async () => {
    const onRetry = vi.fn();
    const { user, input } = setup({
      state: 'error',
      questionSets: undefined,
      errorMessage: 'The server did not answer',
      onRetry,
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      "Couldn't load question sets: The server did not answer",
    );
    expect(input).toHaveAccessibleDescription(
      "Couldn't load question sets: The server did not answer",
    );
    await user.click(screen.getByRole('button', { name: 'Retry loading question sets' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('QuestionSetPicker unavailable', () => {
  function setupUnavailable(initialValue: string | null = null) {
    const onChange = vi.fn<(id: string | null) => void>();
    const user = userEvent.setup();
    render(
      <Harness
        state="unavailable"
        questionSets={undefined}
        unavailableReason="HTTP 404"
        initialValue={initialValue}
        onChange={onChange}
      />,
    );
    return { user, onChange, input: screen.getByRole('textbox', { name: 'Question set' }) };
  }

  it('replaces the combobox with a plain text input and explains why', () => {
    const { input } = setupUnavailable();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(
      "This API doesn't list question sets (HTTP 404). Paste a question set ID instead.",
    );
  });

  it('passes the pasted id trimmed, and null once emptied', async () => {
    const { user, input, onChange } = setupUnavailable();
    await user.click(input);
    await user.paste('  3fa85f64-5717-4562-b3fc-2c963f66afa6  ');
    expect(onChange).toHaveBeenLastCalledWith('3fa85f64-5717-4562-b3fc-2c963f66afa6');
    // The draft keeps the spaces the user pasted; only the value is trimmed.
    expect(input).toHaveValue('  3fa85f64-5717-4562-b3fc-2c963f66afa6  ');
    await user.clear(input);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('shows a value that is already set', () => {
    const { input } = setupUnavailable('qs-remembered');
    expect(input).toHaveValue('qs-remembered');
  });
});

describe('QuestionSetPicker label lookup', () => {
  it('keeps the label "Question set" in every state', () => {
    for (const state of ['loading', 'error', 'ready', 'unavailable'] as const) {
      const { unmount } = render(
        <QuestionSetPicker
          id={`qs-${state}`}
          state={state}
          value={null}
          onChange={() => undefined}
          questionSets={[]}
        />,
      );
      const field = screen.getByRole(state === 'unavailable' ? 'textbox' : 'combobox', {
        name: 'Question set',
      });
      expect(field).toHaveAttribute('id', `qs-${state}`);
      unmount();
    }
  });
});
