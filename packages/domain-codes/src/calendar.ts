const DAY = 86_400_000;

/** Calendar dates as ISO strings (YYYY-MM-DD), in UTC so that no time zone moves a day. */
export function isoDate(at: number | Date): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Today's date, as the graph counts days (UTC). */
export function today(): string {
  return isoDate(Date.now());
}

export function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return isoDate(toMs(date) + days * DAY);
}

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDate(d.getTime());
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function dayBefore(date: string): string {
  return addDays(date, -1);
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The same day `months` later, or the month's last day when it has no such day (31 August + 6 months is 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(y, m - 1 + months, Math.min(d, last)));
}
