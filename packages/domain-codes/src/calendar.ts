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
