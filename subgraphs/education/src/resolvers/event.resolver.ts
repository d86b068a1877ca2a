import { randomUUID } from 'node:crypto';
import { ActsOnCaller, badUserInput, callerMemberId, Category, MemberKey, NonPersonal, OnlyForPurposes, requirePageSize, requireUuid } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { validSchedule } from '../domain/event-schedule.js';
import { EventRegistration } from '../entities/event-registration.js';
import { LearningActivity } from '../entities/learning-activity.js';
import { LearningEvent } from '../entities/learning-event.js';
import { cancel, register } from '../services/registration-desk.js';
import { ScheduleEventInput } from '../types/event-inputs.js';

@Resolver(() => LearningEvent)
export class LearningEventResolver {
  // Purpose bindings (@OnlyForPurposes): education staff schedule sessions and manage members' places;
  // a member's own places are theirs alone to take and give up.

  @NonPersonal()
  // About no one: a member sees the sessions to come as everyone does.
  @ActsOnCaller()
  @Query(() => [LearningEvent], { description: 'Sessions still to come, soonest first' })
  upcomingEvents(
    @Ctx() { em }: EducationContext,
    @NonPersonal() @Arg('activityId', () => ID, { nullable: true }) activityId?: string | null,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
  ): Promise<LearningEvent[]> {
    return em.find(
      LearningEvent,
      { startsAt: { $gt: new Date() }, ...(activityId ? { activity: requireUuid('activityId', activityId) } : {}) },
      { orderBy: { startsAt: 'asc', id: 'asc' }, limit: requirePageSize('first', first ?? 20) },
    );
  }

  @NonPersonal()
  @FieldResolver(() => LearningActivity)
  async activity(@Root() event: LearningEvent, @Ctx() { loaders }: EducationContext): Promise<LearningActivity> {
    return (await loaders.activityById.load(event.activity.id))!;
  }

  @NonPersonal()
  @FieldResolver(() => Int, { description: 'Seats not yet taken' })
  async seatsLeft(@Root() event: LearningEvent, @Ctx() { loaders }: EducationContext): Promise<number> {
    const { registered } = await loaders.occupancyByEvent.load(event.id);
    return Math.max(0, event.capacity - registered);
  }

  @NonPersonal()
  @FieldResolver(() => Int, { description: 'People waiting for a seat' })
  async waitlisted(@Root() event: LearningEvent, @Ctx() { loaders }: EducationContext): Promise<number> {
    return (await loaders.occupancyByEvent.load(event.id)).waitlisted;
  }

  @NonPersonal()
  @OnlyForPurposes('EDUCATION')
  @Mutation(() => LearningEvent, { description: 'Schedules a session of a learning activity (education staff)' })
  async scheduleEvent(@NonPersonal() @Arg('event', () => ScheduleEventInput) input: ScheduleEventInput, @Ctx() { em }: EducationContext): Promise<LearningEvent> {
    const activity = await em.findOne(LearningActivity, { id: requireUuid('event.activityId', input.activityId) });
    if (!activity) throw badUserInput('event.activityId', 'no learning activity has this id');
    const event = em.create(LearningEvent, { id: randomUUID(), activity, ...validSchedule(input) });
    await em.flush();
    return event;
  }

  @Category('LEARNING')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => EventRegistration, { description: 'A member registers for an event; waitlisted when it is full; registering again changes nothing' })
  registerForEvent(@NonPersonal() @Arg('eventId', () => ID) eventId: string, @Ctx() context: EducationContext): Promise<EventRegistration> {
    return register(context.em, eventId, callerMemberId(context));
  }

  @Category('LEARNING')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => EventRegistration, { description: 'A member cancels their registration; the next on the waitlist takes the seat' })
  cancelMyRegistration(@NonPersonal() @Arg('eventId', () => ID) eventId: string, @Ctx() context: EducationContext): Promise<EventRegistration> {
    return cancel(context.em, eventId, callerMemberId(context));
  }

  @Category('LEARNING')
  @OnlyForPurposes('EDUCATION')
  @Mutation(() => EventRegistration, { description: 'Education staff register a member for an event' })
  registerMemberForEvent(
    @NonPersonal() @Arg('eventId', () => ID) eventId: string,
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @Ctx() { em }: EducationContext,
  ): Promise<EventRegistration> {
    return register(em, eventId, requireUuid('memberId', memberId));
  }

  @Category('LEARNING')
  @OnlyForPurposes('EDUCATION')
  @Mutation(() => EventRegistration, { description: "Education staff cancel a member's registration" })
  cancelMemberRegistration(
    @NonPersonal() @Arg('eventId', () => ID) eventId: string,
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @Ctx() { em }: EducationContext,
  ): Promise<EventRegistration> {
    return cancel(em, eventId, requireUuid('memberId', memberId));
  }
}

@Resolver(() => EventRegistration)
export class EventRegistrationResolver {
  @Category('LEARNING')
  @FieldResolver(() => LearningEvent)
  async event(@Root() registration: EventRegistration, @Ctx() { loaders }: EducationContext): Promise<LearningEvent> {
    return (await loaders.eventById.load(registration.event.id))!;
  }
}
