export type PeriodKind = 'month' | 'quarter' | 'year';

export const NO_DATE = '(ohne Datum)';

/** The period a `YYYY-MM-DD` day falls in: `2016-03`, `2016-Q1` or `2016`. */
export function periodOf(date: string | null, kind: PeriodKind): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return NO_DATE;
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}
