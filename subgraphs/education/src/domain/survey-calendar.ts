import { addDays } from '@mutual-graph/domain-codes';

/**
 * The survey calendar. A survey is sent at most SEND_WITHIN_DAYS after the service and may be
 * answered for ANSWER_WITHIN_DAYS after it is sent, so a quarter's answers are all in once
 * CLOSES_AFTER_DAYS have passed since its last day: results report closed quarters only, and a
 * closed quarter's figures never change (retention anonymises answers, it does not delete them).
 * Two answers of one quarter taken before and after someone answered would tell that answer.
 */
export const SEND_WITHIN_DAYS = 14;
export const ANSWER_WITHIN_DAYS = 30;
export const CLOSES_AFTER_DAYS = SEND_WITHIN_DAYS + ANSWER_WITHIN_DAYS + 1;

/** A calendar quarter, `2026-Q3`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOf(date: string): Quarter {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(0, 4))}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`;
}

export function quarterStart(quarter: Quarter): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return `${year}-${String(3 * q - 2).padStart(2, '0')}-01`;
}

export function quarterEnd(quarter: Quarter): string {
  return addDays(quarterStart(nextQuarter(quarter)), -1);
}

export function nextQuarter(quarter: Quarter): Quarter {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return (q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`) as Quarter;
}

/** Whether every answer of the quarter is in on `today`. */
export function isClosed(quarter: Quarter, today: string): boolean {
  return addDays(quarterEnd(quarter), CLOSES_AFTER_DAYS) <= today;
}

/** The quarters from `from`'s through `to`'s, in order. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const quarters: Quarter[] = [];
  for (let q = quarterOf(from); quarterStart(q) <= to; q = nextQuarter(q)) quarters.push(q);
  return quarters;
}

/** Why a survey about a service on `on` may not be sent on `today`, or null when it may. */
export function sendingRefusal(on: string, today: string): string | null {
  if (on > today) return 'a survey is sent after the service, not before';
  if (addDays(on, SEND_WITHIN_DAYS) < today) return `a survey is sent within ${SEND_WITHIN_DAYS} days of the service`;
  return null;
}
