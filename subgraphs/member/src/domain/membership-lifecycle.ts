import { badUserInput } from '@mutual-graph/platform';
import { addDays, dayBefore, isoDate, today, toMs, TYPES_OF_WORK } from '@mutual-graph/domain-codes';
import { MembershipStatus } from '../entities/membership-status.js';

// The membership lifecycle's rules, over plain values: no database, no clock but the one passed in.
// services/membership-lifecycle.ts loads the values, applies what these return, and commits.

const { APPLIED, ACTIVE, LAPSED, RESIGNED, RETIRED, DECEASED } = MembershipStatus;

/**
 * Where each status may go. Becoming ACTIVE opens a period of protection; leaving ACTIVE closes
 * it the day before the new status takes effect. DECEASED is final.
 */
export const TRANSITIONS: Readonly<Record<string, readonly MembershipStatus[]>> = {
  [APPLIED]: [ACTIVE, RESIGNED],
  [ACTIVE]: [LAPSED, RESIGNED, RETIRED, DECEASED],
  [LAPSED]: [ACTIVE, RESIGNED, RETIRED, DECEASED],
  [RESIGNED]: [ACTIVE],
  [RETIRED]: [ACTIVE, DECEASED],
  [DECEASED]: [],
};

export function mayChange(from: MembershipStatus, to: MembershipStatus): boolean {
  return Object.hasOwn(TRANSITIONS, from) && TRANSITIONS[from].includes(to);
}

/** A period of protection, as ISO days; `endsOn` null while it is open. */
export interface Period {
  startsOn: string;
  endsOn: string | null;
  typeOfWork: string;
  feeRegion: string;
}

/** The member's last recorded status change; `fromStatus` null for the application itself. */
export interface RecordedChange {
  fromStatus: MembershipStatus | null;
  effectiveOn: string;
}

/** What a change does to the periods: the open one ends on `closeOpenOn`, and `opens` begins. */
export interface PeriodChange {
  closeOpenOn: string | null;
  opens: Period | null;
}

/** The day a change takes effect: not in the future (a status holds from the day it is recorded as taking effect). */
export function changeDay(effectiveOn: Date, todayIs: string = today()): string {
  const day = isoDate(effectiveOn);
  // Compared as instants too: past year 9999 an ISO date reads "+010000-…", which sorts before
  // every four-digit year (the Date scalar refuses such years, but a rule should not rely on it).
  if (day > todayIs || effectiveOn.getTime() >= toMs(addDays(todayIs, 1))) throw badUserInput('effectiveOn', 'effectiveOn cannot be in the future');
  return day;
}

export interface StatusChangeRequest {
  from: MembershipStatus;
  to: MembershipStatus;
  /** From changeDay. */
  day: string;
  last: RecordedChange | null;
  periods: readonly Period[];
  /** The member's current type of work and fee region, for a period that opens. */
  typeOfWork: string;
  feeRegion: string;
}

/** A change of status: allowed by TRANSITIONS, in time order, and never overlapping periods. */
export function statusChange({ from, to, day, last, periods, typeOfWork, feeRegion }: StatusChangeRequest): PeriodChange {
  if (!mayChange(from, to)) throw badUserInput('to', `a ${from} member cannot become ${to}`);
  // Changes follow one another in time; only acceptance may reach back before the application
  // was recorded (protection can be granted from an earlier start of practice).
  if (last && last.fromStatus !== null && day < last.effectiveOn) throw badUserInput('effectiveOn', `effectiveOn is before the last change (${last.effectiveOn})`);
  const byStart = [...periods].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  const open = byStart.find((p) => p.endsOn === null);
  if (to === ACTIVE) {
    const lastEnd = byStart.at(-1)?.endsOn;
    if (open || (lastEnd && day <= lastEnd)) throw badUserInput('effectiveOn', 'a new period cannot overlap an earlier one');
    return { closeOpenOn: null, opens: { startsOn: day, endsOn: null, typeOfWork, feeRegion } };
  }
  if (!open) return { closeOpenOn: null, opens: null };
  const closeOpenOn = dayBefore(day);
  if (closeOpenOn < open.startsOn) throw badUserInput('effectiveOn', 'effectiveOn must come after the current period began');
  return { closeOpenOn, opens: null };
}

/** A type-of-work code the graph knows. */
export function knownTypeOfWork(typeOfWork: string): string {
  if (!TYPES_OF_WORK.some((t) => t.code === typeOfWork)) throw badUserInput('typeOfWork', 'typeOfWork is not a known type-of-work code');
  return typeOfWork;
}

export const specialtyOf = (typeOfWork: string): string => TYPES_OF_WORK.find((t) => t.code === typeOfWork)!.specialty;

export interface TypeOfWorkChangeRequest {
  status: MembershipStatus;
  /** The member's open period, if any. */
  open: Period | null;
  /** From knownTypeOfWork. */
  typeOfWork: string;
  /** From changeDay. */
  day: string;
}

/** A change of type of work: only while active, to another type, after the current period began; the fee region carries over. */
export function typeOfWorkChange({ status, open, typeOfWork, day }: TypeOfWorkChangeRequest): PeriodChange & { opens: Period } {
  if (status !== ACTIVE || !open) throw badUserInput('memberId', 'only an active member changes type of work');
  if (typeOfWork === open.typeOfWork) throw badUserInput('typeOfWork', 'this is already the current type of work');
  if (day <= open.startsOn) throw badUserInput('effectiveOn', 'effectiveOn must come after the current period began');
  return { closeOpenOn: dayBefore(day), opens: { startsOn: day, endsOn: null, typeOfWork, feeRegion: open.feeRegion } };
}
