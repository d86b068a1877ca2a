import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, requireUuid } from '@mutual-graph/platform';
import { cancellable, lineAfterCancellation, placeFor, refuseIfBegun } from '../domain/registration-desk.js';
import { EventRegistration, RegistrationStatus } from '../entities/event-registration.js';
import { LearningEvent } from '../entities/learning-event.js';

// The registration desk's transactions; the rules are domain/registration-desk.ts's.

/**
 * Seats and the waitlist of one event change only while that event's row is locked
 * (SELECT … FOR UPDATE): concurrent registrations for the last seats queue up behind each other,
 * so no event is overbooked and no waitlist place is handed out twice or lost.
 */
async function lockedEvent(tx: EntityManager, eventId: string): Promise<LearningEvent> {
  const event = await tx.findOne(LearningEvent, { id: requireUuid('eventId', eventId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!event) throw badUserInput('eventId', 'no event has this id');
  return event;
}

/** Registers, or waitlists when full; registering again returns the same registration. */
export async function register(em: EntityManager, eventId: string, memberId: string): Promise<EventRegistration> {
  return em.transactional(async (tx) => {
    const event = await lockedEvent(tx, eventId);
    refuseIfBegun(event.startsAt);
    const existing = await tx.findOne(EventRegistration, { event, memberId });
    if (existing && existing.status !== RegistrationStatus.CANCELLED) return existing;
    const taken = await tx.count(EventRegistration, { event, status: RegistrationStatus.REGISTERED });
    const lastInLine = await tx.findOne(EventRegistration, { event, status: RegistrationStatus.WAITLISTED }, { orderBy: { waitlistPosition: 'desc' } });
    const values = {
      ...placeFor(taken, event.capacity, lastInLine?.waitlistPosition ?? null),
      registeredAt: new Date(),
      cancelledAt: null,
    };
    if (existing) return tx.assign(existing, values);
    return tx.create(EventRegistration, { id: randomUUID(), event, memberId, ...values });
  });
}

/** Cancels; a freed seat goes at once to the first on the waitlist, and the line moves up. */
export async function cancel(em: EntityManager, eventId: string, memberId: string): Promise<EventRegistration> {
  return em.transactional(async (tx) => {
    const event = await lockedEvent(tx, eventId);
    const registration = cancellable(await tx.findOne(EventRegistration, { event, memberId }));
    const freedSeat = registration.status === RegistrationStatus.REGISTERED;
    tx.assign(registration, { status: RegistrationStatus.CANCELLED, waitlistPosition: null, cancelledAt: new Date() });
    const waiting = await tx.find(EventRegistration, { event, status: RegistrationStatus.WAITLISTED, id: { $ne: registration.id } }, { orderBy: { waitlistPosition: 'asc' } });
    const { seated, line } = lineAfterCancellation(freedSeat, waiting);
    if (seated) tx.assign(seated, { status: RegistrationStatus.REGISTERED, waitlistPosition: null });
    for (const { waiting: w, position } of line) w.waitlistPosition = position;
    return registration;
  });
}
