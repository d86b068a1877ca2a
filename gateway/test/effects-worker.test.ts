import { randomUUID } from 'node:crypto';
import { OUTBOXES } from '@mutual-graph/platform';
import { syntheticEdi, syntheticMembers } from '@mutual-graph/synthetic';
import { SYNC_MEMBER_PRACTICE, ERASE_EDI_ANSWERS, workerEffectTokens } from '../src/index.js';
import { caseCopyOfPeriods, CHANGE_STATUS, effectsSettled, memberPeriods, newActiveMember, todayIso } from '../../test/support/effects.js';
import { until } from '../../test/support/until.js';
import { expectRefused } from '../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

// The effects worker against the real stack: receivers that fail and recover, a receiver that
// keeps failing, a job run twice, and job rows and tokens put to another use.
const stack = testStack();
const ORIGIN = { requestId: 'effects-worker-test', purpose: 'MEMBERSHIP' };

/** A job written straight into an outbox as its owner writes one (add_job), with the attempts it may have. */
async function addJob(outbox: keyof typeof OUTBOXES, kind: string, payload: object, key: string, maxAttempts = 12): Promise<string> {
  const [row] = await sql(stack.ownerUrls[outbox], `select id::text from ${OUTBOXES[outbox].schema}.add_job($1, $2::json, queue_name => $1, max_attempts => $3, job_key => $4)`, [
    kind,
    JSON.stringify(payload),
    maxAttempts,
    key,
  ]);
  return row.id;
}

const job = (id: string) => sql(stack.adminUrl, `select attempts, max_attempts, last_error from member_outbox.jobs where id = $1`, [id]).then((rows) => rows[0]);

/** The worker's counter of attempts, by kind and outcome. */
async function attempts(kind: string, outcome: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.effectsUrl))).text();
  return Number(new RegExp(`effects_attempts_total\\{[^}]*kind="${kind}"[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

async function deadLetterGauge(outbox: string, kind: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.effectsUrl))).text();
  return Number(new RegExp(`effects_dead_letters\\{outbox="${outbox}",kind="${kind}"[^}]*\\} (\\d+)`).exec(text)?.[1]);
}

const ready = async () => (await (await fetch(new URL('/ready', stack.effectsUrl))).json()) as { status: string; deadLetters: { outbox: string; kind: string; id: string; attempts: number }[] };

/** The case subgraph cannot write its copy while this runs: its role's rights on the table are taken away, then given back. */
async function withCaseCopyUnwritable<T>(work: () => Promise<T>): Promise<T> {
  await sql(stack.adminUrl, 'revoke insert, delete on casework.protection_period from mg_case');
  try {
    return await work();
  } finally {
    await sql(stack.adminUrl, 'grant insert, delete on casework.protection_period to mg_case');
  }
}

describe('the effects worker', () => {
  it('retries an effect whose receiver fails, with backoff, until it is done', async () => {
    const memberId = await newActiveMember();
    const [failedBefore, doneBefore] = [await attempts('membership-periods', 'failed'), await attempts('membership-periods', 'done')];
    await withCaseCopyUnwritable(async () => {
      const changed = await postGraphQL(stack.gatewayUrl, CHANGE_STATUS, { id: memberId, to: 'LAPSED', on: todayIso() }, await asCaller('MEMBERSHIP'));
      expect(changed.body.errors).toBeUndefined();
      // Two failed attempts, the second a backoff after the first. An attempt is counted when it is taken (locked) and
      // its next run set when it fails: wait for the second to have failed, not merely begun.
      const failed = await until(
        'two failed attempts',
        () =>
          sql(stack.adminUrl, 'select attempts, last_error, locked_at is null as unlocked, run_at > now() as later from member_outbox.jobs where key = $1', [`membership-periods:${memberId}`]).then(
            (r) => r[0],
          ),
        (j) => j?.attempts >= 2 && j.unlocked === true,
        20_000,
      );
      expect(failed.last_error).toMatch(/answered/);
      expect(failed.later).toBe(true);
    });
    await effectsSettled(memberId, 30_000);
    expect(await caseCopyOfPeriods(memberId)).toEqual(await memberPeriods(memberId));
    expect(await sql(stack.adminUrl, 'select 1 from member_outbox.jobs where key = $1', [`membership-periods:${memberId}`])).toEqual([]);
    expect(await attempts('membership-periods', 'failed')).toBeGreaterThanOrEqual(failedBefore + 2);
    expect(await attempts('membership-periods', 'done')).toBeGreaterThanOrEqual(doneBefore + 1);
  }, 60_000);

  it('dead-letters an effect after its last attempt, shows it on /ready and in the metric, blocks nothing else, and does it when retried', async () => {
    const memberId = await newActiveMember();
    const other = await newActiveMember();
    const periods = await memberPeriods(memberId);
    await sql(stack.adminUrl, 'delete from casework.protection_period where member_id = $1', [memberId]);
    const payload = { memberId, periods: periods.map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on, typeOfWork: p.type_of_work, feeRegion: p.fee_region })), origin: ORIGIN };
    let id = '';
    await withCaseCopyUnwritable(async () => {
      id = await addJob('member', 'membership-periods', payload, `membership-periods:${memberId}`, 2);
      await until(
        'the job is dead-lettered',
        () => job(id),
        (j) => j.attempts === 2 && j.last_error !== null,
        20_000,
      );
      const shown = await until('/ready lists it', ready, (r) => r.deadLetters.some((d) => d.id === id));
      expect(shown.status).toBe('ready');
      expect(shown.deadLetters.find((d) => d.id === id)).toMatchObject({ outbox: 'member', kind: 'membership-periods', attempts: 2 });
      expect(await deadLetterGauge('member', 'membership-periods')).toBeGreaterThanOrEqual(1);
      // Meanwhile the other effects are carried out: another kind, to another subgraph.
      const moved = await postGraphQL<{ changeTypeOfWork: { practice: { specialty: string } } }>(
        stack.gatewayUrl,
        'mutation ($id: ID!, $on: Date!) { changeTypeOfWork(memberId: $id, typeOfWork: "IM", effectiveOn: $on) { practice { specialty } } }',
        { id: other, on: todayIso() },
        await asCaller('MEMBERSHIP'),
      );
      expect(moved.body.errors).toBeUndefined();
      const specialty = moved.body.data!.changeTypeOfWork.practice.specialty;
      expect(specialty).not.toBe('PSYCHIATRY');
      await until(
        "the other member's practice copy",
        () => sql(stack.adminUrl, 'select specialty from edi.member_practice where member_id = $1', [other]),
        (rows) => rows[0]?.specialty === specialty,
        20_000,
      );
    });
    // The same kind, for another member, once the receiver is back: the dead letter holds nothing up.
    await effectsSettled(other, 30_000);
    expect(await caseCopyOfPeriods(other)).toEqual(await memberPeriods(other));
    expect(await caseCopyOfPeriods(memberId)).toEqual([]);

    // Retried as the README says: done, and no longer a dead letter.
    await sql(stack.adminUrl, 'select member_outbox.reschedule_jobs(array[$1]::bigint[], run_at := now(), attempts := 0)', [id]);
    await effectsSettled(memberId, 30_000);
    expect(await caseCopyOfPeriods(memberId)).toEqual(periods);
    expect((await ready()).deadLetters.some((d) => d.id === id)).toBe(false);
    expect(await deadLetterGauge('member', 'membership-periods')).toBe(0);
  }, 90_000);

  it('leaves one effect when a job runs twice', async () => {
    const memberId = await newActiveMember();
    const consentEvents = () => sql(stack.adminUrl, "select decision from privacy.consent_event where member_id = $1 and purpose = 'EDI_COLLECTION'", [memberId]);
    expect(await consentEvents()).toEqual([]);
    // Two jobs of the same effect (two keys, so that neither replaces the other).
    await addJob('edi', 'consent', { memberId, purpose: 'EDI_COLLECTION', givenAt: new Date().toISOString(), origin: ORIGIN }, `consent:${memberId}`);
    await addJob('edi', 'consent', { memberId, purpose: 'EDI_COLLECTION', givenAt: new Date().toISOString(), origin: ORIGIN }, `consent:again:${memberId}`);
    const periods = await memberPeriods(memberId);
    await sql(stack.adminUrl, 'delete from casework.protection_period where member_id = $1', [memberId]);
    const payload = { memberId, periods: periods.map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on, typeOfWork: p.type_of_work, feeRegion: p.fee_region })), origin: ORIGIN };
    await addJob('member', 'membership-periods', payload, `membership-periods:${memberId}`);
    await addJob('member', 'membership-periods', payload, `membership-periods:again:${memberId}`);
    await effectsSettled(memberId);
    expect(await consentEvents()).toEqual([{ decision: 'GRANTED' }]);
    expect(await caseCopyOfPeriods(memberId)).toEqual(periods);
  }, 60_000);

  describe('played by an attacker', () => {
    const ediMember = [...syntheticMembers(stack.seed)].slice(200).find((m) => syntheticEdi(m, stack.seed))!;
    const answers = () => sql(stack.adminUrl, 'select count(*)::int as n from edi.edi_profile where member_id = $1', [ediMember.id]);

    it("never runs a job from an outbox that may not hold its kind, nor one whose payload is not its kind's", async () => {
      expect((await answers())[0].n).toBe(1);
      const copy = await caseCopyOfPeriods(ediMember.id);
      // An erasure is the privacy subgraph's to ask for: written into the member subgraph's outbox, it is never taken.
      const forged = await addJob('member', 'erasure', { memberId: ediMember.id, store: 'edi', origin: ORIGIN }, `erasure:${ediMember.id}`);
      // A periods copy carrying what would name another field or other variables fails before any call.
      const stuffed = await addJob(
        'member',
        'membership-periods',
        { memberId: ediMember.id, periods: [], origin: ORIGIN, field: 'Mutation.eraseEdiAnswers', variables: { memberIds: [ediMember.id] } },
        `membership-periods:stuffed:${ediMember.id}`,
        1,
      );
      await until(
        'the stuffed job fails',
        () => job(stuffed),
        (j) => j.attempts === 1 && j.last_error !== null,
      );
      expect((await job(stuffed)).last_error).toMatch(/not a membership-periods job: payload Unrecognized key/);
      // A job queued after the forged one is done; the forged one is still untouched.
      const later = await newActiveMember();
      await effectsSettled(later);
      expect(await job(forged)).toEqual({ attempts: 0, max_attempts: 12, last_error: null });
      expect((await answers())[0].n).toBe(1);
      expect(await caseCopyOfPeriods(ediMember.id)).toEqual(copy);
      await sql(stack.adminUrl, 'delete from member_outbox._private_jobs where id = any($1::bigint[])', [[forged, stuffed]]);
    }, 60_000);

    it("refuses the worker's token for one job's call when used for another field, other variables, or again", async () => {
      const sign = workerEffectTokens(stack.hopPrivateJwk, { requestId: 'stolen', purpose: 'MEMBERSHIP' });
      // The member's practice as the member subgraph has it: the one call that gets through changes nothing.
      const [practice] = await sql(stack.adminUrl, 'select province::text as province, specialty from member.member where id = $1', [ediMember.id]);
      const variables = { memberId: ediMember.id, ...practice };
      const post = (query: string, vars: object, token: string) => postGraphQL(stack.subgraphUrls.member, query, vars as Record<string, unknown>, { authorization: `Bearer ${token}` });
      const token = await sign('member', SYNC_MEMBER_PRACTICE.field, String(SYNC_MEMBER_PRACTICE.query), variables);
      expect((await post(String(SYNC_MEMBER_PRACTICE.query), { ...variables, memberId: randomUUID() }, token)).status).toBe(401);
      expect((await post(String(ERASE_EDI_ANSWERS.query), { memberIds: [ediMember.id] }, token)).status).toBe(401);
      expect((await postGraphQL(stack.subgraphUrls.case, String(SYNC_MEMBER_PRACTICE.query), variables, { authorization: `Bearer ${token}` })).status).toBe(401);
      const once = await post(String(SYNC_MEMBER_PRACTICE.query), variables, token);
      expect(once.body).toEqual({ data: { syncMemberPractice: true } });
      expect((await post(String(SYNC_MEMBER_PRACTICE.query), variables, token)).status).toBe(401);
      // Signed for the erasure's text and variables but naming the practice copy as its field: the shield refuses.
      const mismatched = await sign('member', SYNC_MEMBER_PRACTICE.field, String(ERASE_EDI_ANSWERS.query), { memberIds: [ediMember.id] });
      const erased = await post(String(ERASE_EDI_ANSWERS.query), { memberIds: [ediMember.id] }, mismatched);
      expect(erased.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await answers())[0].n).toBe(1);
    });

    it('still refuses every effect field to a client', async () => {
      const headers = await asCaller('MEMBERSHIP');
      for (const mutation of [
        `mutation { syncMemberPractice(memberId: "${ediMember.id}", province: ON, specialty: "PSYCHIATRY") }`,
        `mutation { eraseEdiAnswers(memberIds: ["${ediMember.id}"]) }`,
        `mutation { recordConsentGrants(grants: [{ memberId: "${ediMember.id}", purpose: EDI_COLLECTION, givenAt: "2026-11-30T12:00:00Z" }]) }`,
        `mutation { syncProtectionPeriods(memberId: "${ediMember.id}", periods: []) }`,
      ])
        expectRefused(await postGraphQL(stack.gatewayUrl, mutation, {}, headers), 'PURPOSE_SCOPE');
      expect((await answers())[0].n).toBe(1);
    });
  });
});
