import type * as PhoneLibModule from 'libphonenumber-js/min';

type PhoneLib = typeof PhoneLibModule;
let phoneLib: Promise<PhoneLib> | null = null;

/**
 * libphonenumber-js with its metadata is ~30 KB gzip, so it loads on first use of the phone field
 * (the form calls this on focus) instead of delaying the first paint.
 */
export function loadPhoneLib(): Promise<PhoneLib> {
  phoneLib ??= import('libphonenumber-js/min');
  return phoneLib;
}

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Validates a typed phone number and normalises it to E.164 (`+14155550123`). Numbers without a
 * `+country` prefix are read as numbers of `defaultCountry`.
 */
export async function normalisePhone(text: string, defaultCountry: string): Promise<PhoneResult> {
  const { parsePhoneNumberFromString, isSupportedCountry } = await loadPhoneLib();
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(text, country);
  if (!parsed?.isValid()) {
    return {
      ok: false,
      message: text.trim().startsWith('+')
        ? 'Enter a valid phone number, like +44 20 7946 0958.'
        : `Enter a valid phone number for ${country ?? 'the default country'}, or start with + and the country code.`,
    };
  }
  return { ok: true, e164: parsed.number };
}
