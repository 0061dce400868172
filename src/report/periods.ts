/** Periods as the aggregate stage writes them: `2016-03` (month), `2016-Q1` (quarter), `2016` (year). */
export type PeriodKind = 'month' | 'quarter' | 'year';

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

export function periodKindOf(period: string): PeriodKind | null {
  if (MONTH.test(period)) return 'month';
  if (QUARTER.test(period)) return 'quarter';
  if (YEAR.test(period)) return 'year';
  return null;
}

/** First day of the period as `YYYY-MM-DD`, or null for `(ohne Datum)` and other non-periods. */
export function periodStart(period: string): string | null {
  const m = MONTH.exec(period);
  if (m) return `${m[1]}-${m[2]}-01`;
  const q = QUARTER.exec(period);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const y = YEAR.exec(period);
  if (y) return `${y[1]}-01-01`;
  return null;
}

/** Index of a period on a continuous count (months since year 0), for filling gaps. */
function ordinal(period: string, kind: PeriodKind): number | null {
  const start = periodStart(period);
  if (!start || periodKindOf(period) !== kind) return null;
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1;
  if (kind === 'year') return year;
  if (kind === 'quarter') return year * 4 + month / 3;
  return year * 12 + month;
}

function fromOrdinal(n: number, kind: PeriodKind): string {
  if (kind === 'year') return String(n);
  if (kind === 'quarter') return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * Every period from the first to the last of `periods` (of the most common kind), so a chart shows
 * periods without articles as zero rather than joining the line across them. At most `limit`.
 */
export function periodRange(periods: Iterable<string>, limit = 600): string[] {
  const kinds = new Map<PeriodKind, number>();
  const list = [...periods];
  for (const p of list) {
    const k = periodKindOf(p);
    if (k) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const kind = [...kinds].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!kind) return [];
  const ords = list.map((p) => ordinal(p, kind)).filter((n): n is number => n !== null);
  const lo = Math.min(...ords);
  const hi = Math.min(Math.max(...ords), lo + limit - 1);
  const out: string[] = [];
  for (let n = lo; n <= hi; n++) out.push(fromOrdinal(n, kind));
  return out;
}
