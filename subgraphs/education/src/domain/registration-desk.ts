import { badUserInput } from '@mutual-graph/platform';
import { RegistrationStatus } from '../entities/event-registration.js';

// The registration desk's rules, over plain values: who gets a seat, who waits, and how the line
// moves. services/registration-desk.ts applies them under the event's row lock.

/** Registration closes when the event begins. */
export function refuseIfBegun(startsAt: Date, now: Date = new Date()): void {
  if (startsAt <= now) throw badUserInput('eventId', 'this event has already begun');
}

/** Where a new registration goes: a seat while one is left, else the end of the waitlist. */
export interface Place {
  status: RegistrationStatus.REGISTERED | RegistrationStatus.WAITLISTED;
  waitlistPosition: number | null;
}

export function placeFor(seatsTaken: number, capacity: number, lastWaitlistPosition: number | null): Place {
  return seatsTaken < capacity ? { status: RegistrationStatus.REGISTERED, waitlistPosition: null } : { status: RegistrationStatus.WAITLISTED, waitlistPosition: (lastWaitlistPosition ?? 0) + 1 };
}

/** Only a live registration (registered or waitlisted) can be cancelled; returns it. */
export function cancellable<T extends { status: RegistrationStatus }>(registration: T | null | undefined): T {
  if (!registration || registration.status === RegistrationStatus.CANCELLED) throw badUserInput('eventId', 'there is no registration to cancel');
  return registration;
}

/**
 * After a cancellation: a freed seat goes to the first in line, and the line closes up behind
 * whoever left it or moved to a seat (positions 1, 2, … in the order they were waiting).
 */
export function lineAfterCancellation<T>(freedSeat: boolean, waitingInOrder: readonly T[]): { seated: T | null; line: { waiting: T; position: number }[] } {
  const seated = freedSeat && waitingInOrder.length > 0 ? waitingInOrder[0] : null;
  const rest = seated === null ? waitingInOrder : waitingInOrder.slice(1);
  return { seated, line: rest.map((waiting, i) => ({ waiting, position: i + 1 })) };
}
