function format(value: string | null, options: Intl.DateTimeFormatOptions): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/** A timestamp in the user's own time zone and locale; the raw value when unreadable. */
export const formatDateTime = (value: string | null) =>
  format(value, { dateStyle: 'medium', timeStyle: 'short' });

/** The date part only, same rules. */
export const formatDate = (value: string | null) => format(value, { dateStyle: 'medium' });
