import { MembershipStatus } from '../entities/membership-status.js';

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
  return TRANSITIONS[from]?.includes(to) ?? false;
}
