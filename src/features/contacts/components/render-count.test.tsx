import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { SEED } from '../../../../server/sandbox/index.ts';
import { renderCounts } from '@/lib/render-probe';
import { renderWithSandbox } from '@/testing/render';
import { AddContactForm } from './add-contact-form';

const OTHER_FIELDS = [
  'field:email',
  'field:phone',
  'field:job_title',
  'field:department',
  'field:seniority_level',
  'field:question_set_id',
  'field:is_required',
];

it('typing in one field re-renders no other field, before and after validation starts', async () => {
  const user = userEvent.setup();
  renderWithSandbox(<AddContactForm interviewId={SEED.interviews.active.id} phoneCountry="GB" />);
  await screen.findByRole('combobox', { name: 'Question set' });
  const name = screen.getByLabelText(/^Name/);

  const snapshot = () => OTHER_FIELDS.map((field) => renderCounts.get(field) ?? 0);
  const before = snapshot();
  await user.type(name, 'Ada Lovelace');
  expect(snapshot()).toEqual(before);

  // After a blur the field validates on every keystroke: still only Name re-renders.
  await user.tab();
  await user.click(name);
  await user.clear(name);
  await waitFor(() => {
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });
  const afterBlur = snapshot();
  await user.type(name, 'Grace Hopper');
  await waitFor(() => {
    expect(name).not.toHaveAttribute('aria-invalid');
  });
  expect(snapshot()).toEqual(afterBlur);
  expect(renderCounts.get('field:name')).toBeGreaterThan(1);
});
