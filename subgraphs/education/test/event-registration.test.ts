import { syntheticCatalogue, syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const workshop = syntheticCatalogue(stack.seed).find((a) => a.kind === 'WORKSHOP')!;
const members = [...syntheticMembers(stack.seed)].slice(100, 160);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

async function schedule(capacity: number): Promise<string> {
  const { body } = await postGraphQL<{ scheduleEvent: { id: string } }>(
    stack.gatewayUrl,
    'mutation ($e: ScheduleEventInput!) { scheduleEvent(event: $e) { id capacity } }',
    { e: { activityId: workshop.id, startsAt: inDays(30), endsAt: inDays(30.1), place: 'Halifax (example venue)', capacity } },
    await asCaller('EDUCATION'),
  );
  expect(body.errors).toBeUndefined();
  return body.data!.scheduleEvent.id;
}

async function registerMember(eventId: string, memberId: string) {
  return postGraphQL<{ registerMemberForEvent: { status: string; waitlistPosition: number | null } }>(
    stack.gatewayUrl,
    'mutation ($e: ID!, $m: ID!) { registerMemberForEvent(eventId: $e, memberId: $m) { status waitlistPosition } }',
    { e: eventId, m: memberId },
    await asCaller('EDUCATION'),
  );
}

const seats = (eventId: string) =>
  sql<{ status: string; waitlist_position: number | null; member_id: string }>(stack.adminUrl, 'select status, waitlist_position, member_id from education.event_registration where event_id = $1', [
    eventId,
  ]);

describe('event registration', () => {
  it('fills the last seats under 40 simultaneous registrations without overbooking, and loses no one on the waitlist', async () => {
    const eventId = await schedule(5);
    for (const m of members.slice(0, 3)) expect((await registerMember(eventId, m.id)).body.data!.registerMemberForEvent.status).toBe('REGISTERED');
    const rush = members.slice(3, 43);
    const answers = await Promise.all(rush.map((m) => registerMember(eventId, m.id)));
    expect(answers.every((a) => a.body.errors === undefined)).toBe(true);

    const rows = await seats(eventId);
    expect(rows.filter((r) => r.status === 'REGISTERED')).toHaveLength(5);
    const waitlist = rows
      .filter((r) => r.status === 'WAITLISTED')
      .map((r) => r.waitlist_position)
      .sort((a, b) => a! - b!);
    expect(waitlist).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.member_id)).size).toBe(43);
  });

  it('counts the same member registering many times at once as one registration', async () => {
    const eventId = await schedule(2);
    const member = members[50];
    const answers = await Promise.all(Array.from({ length: 12 }, () => registerMember(eventId, member.id)));
    expect(new Set(answers.map((a) => a.body.data!.registerMemberForEvent.status))).toEqual(new Set(['REGISTERED']));
    expect(await seats(eventId)).toHaveLength(1);
  });

  it('gives a freed seat to the first on the waitlist at once and closes up the line', async () => {
    const eventId = await schedule(2);
    const [a, b, c, d] = members.slice(52, 56);
    for (const m of [a, b, c, d]) await registerMember(eventId, m.id);
    const cancelled = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($e: ID!, $m: ID!) { cancelMemberRegistration(eventId: $e, memberId: $m) { status } }',
      { e: eventId, m: a.id },
      await asCaller('EDUCATION'),
    );
    expect(cancelled.body.data!.cancelMemberRegistration.status).toBe('CANCELLED');
    const byMember = new Map((await seats(eventId)).map((r) => [r.member_id, r]));
    expect(byMember.get(b.id)).toMatchObject({ status: 'REGISTERED' });
    expect(byMember.get(c.id)).toMatchObject({ status: 'REGISTERED', waitlist_position: null });
    expect(byMember.get(d.id)).toMatchObject({ status: 'WAITLISTED', waitlist_position: 1 });
  });

  it('lets a member register themself and see the event, its seats and their place', async () => {
    const eventId = await schedule(1);
    const me = members[58];
    const asMe = await asCaller('MEMBER_SELF_SERVICE', { memberId: me.id });
    const mine = await postGraphQL(stack.gatewayUrl, 'mutation ($e: ID!) { registerForEvent(eventId: $e) { status event { seatsLeft waitlisted activity { title } } } }', { e: eventId }, asMe);
    expect(mine.body.data!.registerForEvent).toEqual({ status: 'REGISTERED', event: { seatsLeft: 0, waitlisted: 0, activity: { title: workshop.title } } });
    const record = await postGraphQL(stack.gatewayUrl, '{ me { registrations { status event { id } } } }', {}, asMe);
    expect(record.body.data!.me.registrations).toContainEqual({ status: 'REGISTERED', event: { id: eventId } });
  });

  it.each([
    ['no seats', { capacity: 0 }, 'event.capacity'],
    ['a start in the past', { startsAt: inDays(-1), endsAt: inDays(1) }, 'event.startsAt'],
    ['an end before the start', { startsAt: inDays(10), endsAt: inDays(9) }, 'event.endsAt'],
  ])('refuses to schedule an event with %s, naming the field', async (_label, overrides, field) => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($e: ScheduleEventInput!) { scheduleEvent(event: $e) { id } }',
      { e: { activityId: workshop.id, startsAt: inDays(30), endsAt: inDays(30.1), onlineLink: 'https://learning.example.org/x', capacity: 10, ...overrides } },
      await asCaller('EDUCATION'),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
  });
});
