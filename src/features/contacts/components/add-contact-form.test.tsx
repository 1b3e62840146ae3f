import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../../../server/sandbox/index.ts';
import { renderWithSandbox } from '@/testing/render';
import { AddContactForm } from './add-contact-form';

const interviewId = SEED.interviews.active.id;
const [firstSet, secondSet] = SEED.activeQuestionSetIds;

function renderForm(
  props: Partial<Parameters<typeof AddContactForm>[0]> = {},
  faults: Record<string, unknown>[] = [],
) {
  const user = userEvent.setup();
  const view = renderWithSandbox(
    <AddContactForm interviewId={interviewId} phoneCountry="GB" {...props} />,
    { faults },
  );
  const posts = () => view.api.requests.filter((request) => request.method === 'POST');
  return { user, ...view, posts };
}

describe('AddContactForm: request body', () => {
  it('sends every field: trimmed text, E.164 phone, integer seniority, boolean, question set', async () => {
    const { user, posts, api } = renderForm();
    const target = api.sandbox.store.listQuestionSets(interviewId)[2];
    await user.type(screen.getByLabelText(/^Name/), '  Ada Lovelace  ');
    await user.type(screen.getByLabelText(/^Email/), ' ada@example.com ');
    await user.type(screen.getByLabelText(/^Phone/), '020 7946 0958');
    await user.type(screen.getByLabelText(/^Job title/), ' Analyst ');
    await user.type(screen.getByLabelText(/^Department/), 'Engineering');
    await user.type(screen.getByLabelText(/^Seniority level/), '4');
    await user.click(screen.getByLabelText('Required contact'));
    const picker = await screen.findByRole('combobox', { name: 'Question set' });
    await waitFor(() => {
      expect(picker).toBeEnabled();
    });
    await user.type(picker, target?.name.slice(0, 12) ?? '');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(picker).toHaveValue(target?.name);
    await user.click(screen.getByRole('button', { name: 'Add contact' }));

    await screen.findByRole('heading', { name: 'Contact added' });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+442079460958',
      job_title: 'Analyst',
      department: 'Engineering',
      seniority_level: 4,
      is_required: true,
      question_set_id: target?.id,
    });
    expect(posts()[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends blank optional fields as null and never turns an empty seniority into 0', async () => {
    const { user, posts } = renderForm();
    await user.type(screen.getByLabelText(/^Name/), 'Grace');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('heading', { name: 'Contact added' });
    expect(posts()[0]?.body).toEqual({
      name: 'Grace',
      email: null,
      phone: null,
      job_title: null,
      department: null,
      seniority_level: null,
      is_required: false,
      question_set_id: null,
    });
  });

  it('preselects the question set remembered for this interview', async () => {
    localStorage.setItem(`ontora:last-question-set:${interviewId}`, secondSet ?? '');
    const { user, posts } = renderForm();
    await user.type(screen.getByLabelText(/^Name/), 'Linus');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('heading', { name: 'Contact added' });
    expect(posts()[0]?.body).toMatchObject({ question_set_id: secondSet });
  });
});

describe('AddContactForm: validation', () => {
  it('shows messages after submit, marks fields invalid and focuses the first one', async () => {
    const { user, posts } = renderForm();
    await user.type(screen.getByLabelText(/^Email/), 'not-an-email');
    await user.type(screen.getByLabelText(/^Phone/), '12');
    await user.type(screen.getByLabelText(/^Seniority level/), '2.5');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));

    const name = screen.getByLabelText(/^Name/);
    await waitFor(() => {
      expect(name).toHaveFocus();
    });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Enter the contact’s name/);
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(/valid email address/);
    expect(screen.getByLabelText(/^Phone/)).toHaveAccessibleDescription(/valid phone number/);
    expect(screen.getByLabelText(/^Seniority level/)).toHaveAccessibleDescription(/whole number/);
    const summary = screen.getByRole('navigation', { name: /There are 4 problems/ });
    expect(within(summary).getAllByRole('link')).toHaveLength(4);
    expect(posts()).toHaveLength(0);
  });

  it('stays quiet until blur, then updates live', async () => {
    const { user } = renderForm();
    const email = screen.getByLabelText(/^Email/);
    await user.type(email, 'ada@');
    expect(email).not.toHaveAttribute('aria-invalid');
    await user.tab();
    await waitFor(() => {
      expect(email).toHaveAttribute('aria-invalid', 'true');
    });
    await user.type(email, 'example.com');
    await waitFor(() => {
      expect(email).not.toHaveAttribute('aria-invalid');
    });
  });

  it('lets the user paste an id when the API cannot list question sets, and focuses it when invalid', async () => {
    const { user, posts } = renderForm({}, [
      { path: '/v1/interviews/*/question-sets', status: 404, body: { detail: 'Not Found' } },
    ]);
    const pasted = await screen.findByRole('textbox', { name: 'Question set' });
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.type(pasted, 'not-a-uuid');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => {
      expect(pasted).toHaveFocus();
    });
    expect(pasted).toHaveAccessibleDescription(/UUID/);
    expect(posts()).toHaveLength(0);

    await user.clear(pasted);
    await user.type(pasted, firstSet ?? '');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('heading', { name: 'Contact added' });
    expect(posts()[0]?.body).toMatchObject({ question_set_id: firstSet });
  });
});

describe('AddContactForm: server answers', () => {
  it('puts each 422 item on its field, keeps the rest form-level and keeps the values', async () => {
    const { user, injectFault } = renderForm();
    await injectFault({
      method: 'POST',
      status: 422,
      body: {
        detail: [
          { loc: ['body', 'email'], msg: 'Email domain does not accept mail', type: 'value_error' },
          { loc: ['body'], msg: 'Something about the whole body', type: 'value_error' },
        ],
      },
    });
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('There are 2 problems with this contact.');
    const summary = screen.getByRole('navigation', {
      name: 'There are 2 problems with this contact',
    });
    expect(summary).toHaveTextContent('Something about the whole body');
    const email = screen.getByLabelText(/^Email/);
    expect(email).toHaveAccessibleDescription(/Email domain does not accept mail/);
    await waitFor(() => {
      expect(email).toHaveFocus();
    });
    expect(email).toHaveValue('ada@example.com');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Ada');
  });

  it('shows a form-level alert with the code and request id, and Retry reuses the Idempotency-Key', async () => {
    const { user, injectFault, posts } = renderForm();
    await injectFault({ method: 'POST', status: 500 });
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ontora had an internal error');
    expect(alert).toHaveTextContent(/Request ID for support: req_/);
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Ada');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: 'Contact added' });
    const [first, second] = posts();
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it('Retry after an edit sends the edited values with a new Idempotency-Key', async () => {
    const { user, injectFault, posts } = renderForm();
    await injectFault({ method: 'POST', status: 500 });
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    const alert = await screen.findByRole('alert');
    await user.type(screen.getByLabelText(/^Name/), ' Lovelace');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: 'Contact added' });
    const [first, second] = posts();
    expect(second?.body).toMatchObject({ name: 'Ada Lovelace' });
    expect(second?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
  });

  it('sends one request for a double click', async () => {
    const { user, injectFault, posts } = renderForm();
    await injectFault({ method: 'POST', delayMs: 200, passThrough: true });
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    const button = screen.getByRole('button', { name: 'Add contact' });
    await user.dblClick(button);
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Contact added' });
    expect(posts()).toHaveLength(1);
  });

  it('disables the button and shows progress while sending', async () => {
    const { user, injectFault } = renderForm();
    await injectFault({ method: 'POST', delayMs: 300, passThrough: true });
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Add contact' })).toBeDisabled();
    });
    await screen.findByRole('heading', { name: 'Contact added' });
    expect(screen.getByRole('button', { name: 'Add contact' })).toBeEnabled();
  });
});

describe('AddContactForm: result panel', () => {
  it('shows the meeting link, status and booking token the API returned', async () => {
    const { user, api } = renderForm();
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    const heading = await screen.findByRole('heading', { name: 'Contact added' });
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });

    const stored = api.sandbox.store
      .listContacts(interviewId)
      .find((contact) => contact.name === 'Ada');
    expect(stored).toBeDefined();
    const link = screen.getByRole('link', { name: /^https:\/\// });
    expect(link).toHaveAttribute('href', stored?.meeting_url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('Pending')).toBeInTheDocument();
    expect(screen.getByText(stored?.booking_token ?? 'missing')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Name/)).toHaveValue('');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    ' java\tscript:alert(1)',
  ])('never turns %s into a link', async (meetingUrl) => {
    const { user, injectFault } = renderForm();
    await injectFault({
      method: 'POST',
      status: 201,
      body: {
        id: 'c-1',
        interview_id: interviewId,
        name: 'Mallory',
        meeting_url: meetingUrl,
        status: 'pending',
        booking_token: 'tok',
      },
    });
    await user.type(screen.getByLabelText(/^Name/), 'Mallory');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('heading', { name: 'Contact added' });
    expect(screen.queryByRole('link', { name: /script|data|msgbox/ })).not.toBeInTheDocument();
    expect(screen.getByText(/not an http\(s\) address/)).toBeInTheDocument();
  });

  it('"Add another contact" clears the form and focuses Name', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText(/^Name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await user.click(await screen.findByRole('button', { name: 'Add another contact' }));
    expect(screen.getByLabelText(/^Name/)).toHaveFocus();
    expect(screen.getByLabelText(/^Name/)).toHaveValue('');
  });
});
