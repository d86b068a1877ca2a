import { cancellable, lineAfterCancellation, placeFor, refuseIfBegun } from '../../src/domain/registration-desk.js';
import { RegistrationStatus } from '../../src/entities/event-registration.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const { REGISTERED, WAITLISTED, CANCELLED } = RegistrationStatus;

describe('a place at an event', () => {
  it('is a seat while one is left', () => {
    expect(placeFor(0, 1, null)).toEqual({ status: REGISTERED, waitlistPosition: null });
    expect(placeFor(29, 30, null)).toEqual({ status: REGISTERED, waitlistPosition: null });
  });

  it('is the first place on the waitlist once the last seat is taken', () => {
    expect(placeFor(30, 30, null)).toEqual({ status: WAITLISTED, waitlistPosition: 1 });
  });

  it('is behind the last in line, never beside them', () => {
    expect(placeFor(30, 30, 7)).toEqual({ status: WAITLISTED, waitlistPosition: 8 });
  });

  it('never overbooks an event already over capacity (capacity lowered after registrations)', () => {
    expect(placeFor(12, 10, null).status).toBe(WAITLISTED);
  });
});

describe('registration closes when the event begins', () => {
  const startsAt = new Date('2026-11-10T14:00:00Z');

  it('accepts a registration a millisecond before the start', () => {
    expect(() => refuseIfBegun(startsAt, new Date('2026-11-10T13:59:59.999Z'))).not.toThrow();
  });

  it('refuses a registration at the start and after it', () => {
    for (const now of ['2026-11-10T14:00:00Z', '2027-01-01T00:00:00Z']) {
      expect(refusal(() => refuseIfBegun(startsAt, new Date(now)))).toEqual({ code: 'BAD_USER_INPUT', argument: 'eventId', message: 'this event has already begun' });
    }
  });
});

describe('cancelling', () => {
  it('cancels a seat or a place on the waitlist', () => {
    const seat = { status: REGISTERED };
    expect(cancellable(seat)).toBe(seat);
    expect(cancellable({ status: WAITLISTED }).status).toBe(WAITLISTED);
  });

  it('refuses when there is no registration, or it is already cancelled', () => {
    for (const registration of [null, undefined, { status: CANCELLED }]) {
      expect(refusal(() => cancellable(registration))).toEqual({ code: 'BAD_USER_INPUT', argument: 'eventId', message: 'there is no registration to cancel' });
    }
  });

  it('gives a freed seat to the first in line and moves the others up', () => {
    expect(lineAfterCancellation(true, ['ana', 'ben', 'chloé'])).toEqual({
      seated: 'ana',
      line: [
        { waiting: 'ben', position: 1 },
        { waiting: 'chloé', position: 2 },
      ],
    });
  });

  it('seats nobody when the person who left was waiting, and closes the gap they left', () => {
    // The leaver is already out of the list: positions 1, 3, 4 become 1, 2, 3.
    expect(lineAfterCancellation(false, ['ana', 'chloé', 'david'])).toEqual({
      seated: null,
      line: [
        { waiting: 'ana', position: 1 },
        { waiting: 'chloé', position: 2 },
        { waiting: 'david', position: 3 },
      ],
    });
  });

  it('frees a seat for nobody when nobody waits', () => {
    expect(lineAfterCancellation(true, [])).toEqual({ seated: null, line: [] });
  });

  it('hands each waitlist position out exactly once, whatever the line', () => {
    const waiting = Array.from({ length: 50 }, (_, i) => `member-${i}`);
    for (const freedSeat of [true, false]) {
      const { seated, line } = lineAfterCancellation(freedSeat, waiting);
      expect(line.map((l) => l.position)).toEqual(Array.from({ length: line.length }, (_, i) => i + 1));
      expect(new Set([...(seated ? [seated] : []), ...line.map((l) => l.waiting)]).size).toBe(waiting.length);
    }
  });
});
