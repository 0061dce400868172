/** German inflection endings by which a word extends a listed base form (`herausragend|es`), longest first. */
export const INFLECTION_ENDINGS: readonly string[] = [
  'sten',
  'ster',
  'stes',
  'stem',
  'ste',
  'est',
  'ten',
  'tet',
  'en',
  'er',
  'es',
  'em',
  'st',
  'te',
  'e',
  'n',
  's',
  't',
];

/** The listed base form (of at least `minLength` letters) that `norm` extends by an ending, or null. */
export function baseFormOf(
  norm: string,
  listed: (form: string) => boolean,
  minLength: number,
): string | null {
  for (const e of INFLECTION_ENDINGS) {
    if (!norm.endsWith(e) || norm.length - e.length < minLength) continue;
    const base = norm.slice(0, -e.length);
    if (listed(base)) return base;
  }
  return null;
}
