/** Joins class names, skipping falsy ones. (No tailwind-merge: we never pass conflicting classes.) */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
