import { OUTBOXES } from '@mutual-graph/platform';
import { formatMinc } from '@mutual-graph/domain-codes';
import { postGraphQL, sql, testStack } from './stack.js';
import { asCaller } from './tokens.js';
import { until } from './until.js';

/** Every outbox's jobs, as one relation (graphile-worker's `jobs` view of each). */
export const ALL_JOBS = Object.entries(OUTBOXES)
  .map(([outbox, { schema }]) => `select '${outbox}' as outbox, id, task_identifier, key, attempts, max_attempts, last_error, locked_at from ${schema}.jobs`)
  .join(' union all ');

/**
 * Waits until no effect about `memberId` is waiting or running in any outbox: each is done (gone)
 * or dead-lettered. The changes' answers do not wait for their effects; a test that reads an
 * effect's result waits for it here, and fails after `timeoutMs`.
 */
export async function effectsSettled(memberId: string, timeoutMs = 20_000): Promise<void> {
  const pending = () => sql(testStack().adminUrl, `select count(*)::int as n from (${ALL_JOBS}) j where key like $1 and (attempts < max_attempts or locked_at is not null)`, [`%:${memberId}`]);
  await until(`effects about ${memberId} settled`, pending, ([row]) => row.n === 0, timeoutMs);
}

const PERIOD_COLUMNS = "to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on, type_of_work, fee_region::text as fee_region";

/** A member's periods of protection as the member subgraph keeps them. */
export const memberPeriods = (memberId: string) => sql(testStack().adminUrl, `select ${PERIOD_COLUMNS} from member.membership_period where member_id = $1 order by starts_on`, [memberId]);

/** The case subgraph's copy of a member's periods, read as the case subgraph's own role (the one reader its schema has). */
export const caseCopyOfPeriods = (memberId: string) => sql(testStack().ownerUrls.case, `select ${PERIOD_COLUMNS} from casework.protection_period where member_id = $1 order by starts_on`, [memberId]);

let applicants = 0;

/** A new member of our own (so that no other suite's counts move), ACTIVE for the last 90 days, their effects settled. */
export async function newActiveMember(): Promise<string> {
  applicants += 1;
  const n = `${process.pid}${applicants}${Date.now() % 100_000}`;
  const letters = n.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
  const stack = testStack();
  const headers = await asCaller('MEMBERSHIP', { sub: 'effects-test' });
  const applied = await postGraphQL(
    stack.gatewayUrl,
    'mutation ($a: MembershipApplicationInput!) { applyForMembership(application: $a) { id } }',
    {
      a: {
        profile: { firstName: 'Odile', lastName: `Zzyzx-${letters}`, dateOfBirth: '1979-03-03' },
        contact: { email: `odile.${n}@example.org`, phone: '+1-555-010-0123', city: 'Whitehorse', province: 'YT' },
        minc: formatMinc(String(9_000_000 + (Number(n) % 999_999))),
        collegeRegistrations: [{ college: 'YT', registrationNumber: `YT-${n}` }],
        typeOfWork: 'PSY',
      },
    },
    headers,
  );
  if (!applied.body.data?.applyForMembership) throw new Error(`application refused: ${JSON.stringify(applied.body.errors)}`);
  const id = applied.body.data.applyForMembership.id as string;
  const on = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  const active = await postGraphQL(stack.gatewayUrl, CHANGE_STATUS, { id, to: 'ACTIVE', on }, headers);
  if (active.body.errors) throw new Error(`not activated: ${JSON.stringify(active.body.errors)}`);
  await effectsSettled(id);
  return id;
}

export const CHANGE_STATUS = 'mutation ChangeStatus($id: ID!, $to: MembershipStatus!, $on: Date!) { changeMembershipStatus(memberId: $id, to: $to, effectiveOn: $on) { membership { status } } }';

/** Today, as the graph's dates are written. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
