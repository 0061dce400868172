/** Calendar arithmetic and German/English date strings for the generator (UTC, never the clock). */

export interface Day {
  y: number;
  m: number;
  d: number;
}

export const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS_DE = [
  'Sonntag',
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(day: Day, days: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export const iso = (day: Day): string => `${day.y}-${pad(day.m)}-${pad(day.d)}`;
export const monthKey = (day: Day): string => `${day.y}-${pad(day.m)}`;
export const dotted = (day: Day): string => `${pad(day.d)}.${pad(day.m)}.${day.y}`;
export const monthName = (m: number): string => MONTHS_DE[m - 1] ?? '';
export const weekdayName = (day: Day): string => WEEKDAYS_DE[weekday(day)] ?? '';
/** "14. März 2016" */
export const longDe = (day: Day): string => `${day.d}. ${monthName(day.m)} ${day.y}`;
/** "am 3. Oktober" */
export const ordinalDe = (day: Day): string => `am ${day.d}. ${monthName(day.m)}`;
/** "Mo., 14.03.2016, 18:34 Uhr" */
export const shortWeekdayLine = (day: Day, h: number, min: number): string =>
  `${weekdayName(day).slice(0, 2)}., ${dotted(day)}, ${pad(h)}:${pad(min)} Uhr`;
/** "14. März 2016 Montag" (German Nexis date line). */
export const nexisDe = (day: Day): string => `${longDe(day)} ${weekdayName(day)}`;
/** "March 14, 2016 Monday" (English Nexis date line). */
export const nexisEn = (day: Day): string =>
  `${MONTHS_EN[day.m - 1]} ${day.d}, ${day.y} ${WEEKDAYS_EN[weekday(day)]}`;
export const englishDay = (day: Day): string => `${MONTHS_EN[day.m - 1]} ${day.d}, ${day.y}`;

/** Last Sunday of a month (for the CET/CEST switch). */
function lastSunday(y: number, m: number): number {
  const last = daysInMonth(y, m);
  return last - weekday({ y, m, d: last });
}

/** UTC offset of Germany on that day: "+02:00" in summer time, "+01:00" otherwise. */
export function berlinOffset(day: Day): string {
  const start: Day = { y: day.y, m: 3, d: lastSunday(day.y, 3) };
  const end: Day = { y: day.y, m: 10, d: lastSunday(day.y, 10) };
  return compareDays(day, start) > 0 && compareDays(day, end) <= 0 ? '+02:00' : '+01:00';
}

/** "2016-03-14T18:34:00+01:00" */
export const isoDateTime = (day: Day, h: number, min: number): string =>
  `${iso(day)}T${pad(h)}:${pad(min)}:00${berlinOffset(day)}`;

export const clock = (h: number, min: number): string => `${pad(h)}:${pad(min)}`;
