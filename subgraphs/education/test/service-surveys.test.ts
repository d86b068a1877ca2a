import { randomUUID } from 'node:crypto';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { ADVICE_CALLS_TO_SURVEY_CALL } from '@mutual-graph/policy';
import { sha256, signHop } from '@mutual-graph/hop';
import { asCaller, postAsGateway } from '../../../test/support/tokens.js';

const stack = testStack();
const population = [...syntheticMembers(stack.seed)];
const today = new Date().toISOString().slice(0, 10);
const evaluation = () => asCaller('SERVICE_EVALUATION', { sub: 'service-evaluation' });
const asMember = (memberId: string) => asCaller('MEMBER_SELF_SERVICE', { memberId, sub: `member-${memberId}` });

type Results = {
  serviceSurveyResults: {
    respondents: number | null;
    satisfactionRate: number | null;
    severeStressReduction: number | null;
    suppressed: boolean;
    withheldQuarters: string[];
    minimumCellSize: number;
    groups: { quarter: string | null; province: string | null; provinces: string[]; respondents: number | null; suppressed: boolean }[];
  };
};
const RESULTS = `query ($service: SurveyedService!, $from: Date, $to: Date, $groupBy: [SurveyDimension!]) {
  serviceSurveyResults(service: $service, from: $from, to: $to, groupBy: $groupBy) {
    respondents satisfactionRate severeStressReduction suppressed withheldQuarters minimumCellSize
    groups { quarter province provinces respondents suppressed }
  }
}`;
const SEND = 'mutation ($service: SurveyedService!, $on: Date!) { sendServiceSurveys(service: $service, on: $on) { sent } }';
const ANSWER = 'mutation ($id: ID!, $answers: ServiceSurveyAnswers!) { answerMyServiceSurvey(surveyId: $id, answers: $answers) { id satisfaction stressBefore stressAfter comment answeredAt } }';

/** Members of the seeded population with or without a current survey consent, not yet surveyed this quarter about either service. */
async function members(consenting: boolean, count: number, skip: Set<string>): Promise<string[]> {
  const rows = await sql<{ member_id: string }>(
    stack.adminUrl,
    `select m.id::text as member_id from member.member m
     where ${consenting ? '' : 'not'} exists (select 1 from privacy.consent c where c.member_id = m.id and c.purpose = 'SURVEYS' and c.recipient = '' and c.status = 'GRANTED')
       and not exists (select 1 from education.service_survey s where s.member_id = m.id and s.quarter = $1)
     order by m.id limit $2`,
    [`${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`, count + skip.size],
  );
  return rows
    .map((r) => r.member_id)
    .filter((id) => !skip.has(id))
    .slice(0, count);
}

async function adviceCallToday(memberId: string) {
  await sql(
    stack.adminUrl,
    `insert into casework.advice_call (id, member_id, called_on, topic, language, duration_minutes, physician_advisor, follow_up) values ($1, $2, $3, 'CONSENT', 'EN', 15, null, false)`,
    [randomUUID(), memberId, today],
  );
}

const surveysOf = (memberId: string) =>
  sql<{ id: string; service: string; answered_at: Date | null; satisfaction: number | null; comment: string | null; province: string | null }>(
    stack.adminUrl,
    'select id::text, service::text, answered_at, satisfaction, comment, province::text from education.service_survey where member_id = $1 and service_on = $2',
    [memberId, today],
  );

async function setConsent(memberId: string, decision: 'grant' | 'withdraw') {
  const field = decision === 'grant' ? 'grantMyConsent' : 'withdrawMyConsent';
  const { body } = await postGraphQL(stack.gatewayUrl, `mutation { ${field}(purpose: SURVEYS) { status } }`, {}, await asMember(memberId));
  expect(body.errors).toBeUndefined();
}

describe('service surveys', () => {
  const used = new Set<string>();
  let consenting: string[];
  let notConsenting: string[];

  beforeAll(async () => {
    consenting = await members(true, 4, used);
    consenting.forEach((id) => used.add(id));
    notConsenting = await members(false, 2, used);
    notConsenting.forEach((id) => used.add(id));
    for (const id of [...consenting, ...notConsenting]) await adviceCallToday(id);
  });

  it('sends a survey after an advice call only to members whose survey consent is current, once a quarter however often sent', async () => {
    // One consenting member withdraws before the surveys go out: no survey for them.
    const [answering, withdrawing, withdrawsLater, another] = consenting;
    await setConsent(withdrawing, 'withdraw');
    const first = await postGraphQL<{ sendServiceSurveys: { sent: number } }>(stack.gatewayUrl, SEND, { service: 'ADVICE_CALL', on: today }, await evaluation());
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.sendServiceSurveys.sent).toBeGreaterThanOrEqual(3);

    for (const id of [answering, withdrawsLater, another]) expect(await surveysOf(id)).toHaveLength(1);
    for (const id of [withdrawing, ...notConsenting]) expect(await surveysOf(id)).toHaveLength(0);
    const province = population.find((m) => m.id === answering)?.province ?? null;
    expect((await surveysOf(answering))[0].province).toBe(province);

    const again = await postGraphQL<{ sendServiceSurveys: { sent: number } }>(stack.gatewayUrl, SEND, { service: 'ADVICE_CALL', on: today }, await evaluation());
    expect(again.body.data!.sendServiceSurveys.sent).toBe(0);
    expect(await surveysOf(answering)).toHaveLength(1);
  });

  it('lets a member answer their own survey once, and no one else answer it', async () => {
    const [answering, , , another] = consenting;
    const [survey] = await surveysOf(answering);
    const stranger = await postGraphQL(stack.gatewayUrl, ANSWER, { id: survey.id, answers: { satisfaction: 1 } }, await asMember(another));
    expect(stranger.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    expect((await surveysOf(answering))[0].answered_at).toBeNull();

    const answer = await postGraphQL<{ answerMyServiceSurvey: { satisfaction: number; comment: string } }>(
      stack.gatewayUrl,
      ANSWER,
      { id: survey.id, answers: { satisfaction: 5, stressBefore: 5, stressAfter: 2, comment: "  Merci ! <b>O'Brien</b> \u{1F600} " } },
      await asMember(answering),
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.answerMyServiceSurvey).toMatchObject({ satisfaction: 5, comment: "Merci ! <b>O'Brien</b> \u{1F600}" });

    const twice = await postGraphQL(stack.gatewayUrl, ANSWER, { id: survey.id, answers: { satisfaction: 1 } }, await asMember(answering));
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALREADY_ANSWERED' });
    expect((await surveysOf(answering))[0]).toMatchObject({ satisfaction: 5 });
  });

  it('refuses a hostile or malformed answer with a code and stores nothing', async () => {
    const [, , , another] = consenting;
    const [survey] = await surveysOf(another);
    for (const answers of [{ satisfaction: 9 }, { satisfaction: 4, stressBefore: 4 }, { satisfaction: 4, comment: 'ok\u0000' }, { satisfaction: 4, comment: 'x'.repeat(2001) }]) {
      const { status, body } = await postGraphQL(stack.gatewayUrl, ANSWER, { id: survey.id, answers }, await asMember(another));
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const notAnId = await postGraphQL(stack.gatewayUrl, ANSWER, { id: "1' or '1'='1", answers: { satisfaction: 4 } }, await asMember(another));
    expect(notAnId.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    expect((await surveysOf(another))[0]).toMatchObject({ answered_at: null, satisfaction: null, comment: null });
  });

  it('refuses the answer of a member who withdrew their survey consent after the survey was sent, and stores nothing', async () => {
    const [, , withdrawsLater] = consenting;
    const [survey] = await surveysOf(withdrawsLater);
    await setConsent(withdrawsLater, 'withdraw');
    const answer = await postGraphQL(stack.gatewayUrl, ANSWER, { id: survey.id, answers: { satisfaction: 2, comment: 'after withdrawing' } }, await asMember(withdrawsLater));
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SURVEY_CONSENT' });
    expect((await surveysOf(withdrawsLater))[0]).toMatchObject({ answered_at: null, satisfaction: null, comment: null });
    // Consenting again makes the same survey answerable: the consent is read at each answer.
    await setConsent(withdrawsLater, 'grant');
    const later = await postGraphQL(stack.gatewayUrl, ANSWER, { id: survey.id, answers: { satisfaction: 4 } }, await asMember(withdrawsLater));
    expect(later.body.errors).toBeUndefined();
  });

  it('shows a member their own surveys and comment, and no one else', async () => {
    const [answering] = consenting;
    const own = await postGraphQL<{ me: { serviceSurveys: { comment: string | null }[] } }>(
      stack.gatewayUrl,
      '{ me { serviceSurveys { service serviceOn satisfaction comment } } }',
      {},
      await asMember(answering),
    );
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.me.serviceSurveys.some((s) => s.comment?.startsWith('Merci'))).toBe(true);
    for (const purpose of ['SERVICE_EVALUATION', 'RISK_MANAGEMENT', 'PRIVACY_OFFICE', 'EDUCATION'] as const) {
      expectRefused(
        await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { serviceSurveys { satisfaction comment } } }', { id: answering }, await asCaller(purpose)),
        'PURPOSE_SCOPE',
      );
    }
    expectRefused(await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { serviceSurveys { comment } } }', { id: answering }, await asMember(consenting[3])), 'SUBJECT_SCOPE');
  });

  it('sends no survey without a consent check: a day too old, a day to come, and other purposes are refused', async () => {
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const tooOld = await postGraphQL(stack.gatewayUrl, SEND, { service: 'ADVICE_CALL', on: old }, await evaluation());
    expect(tooOld.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'on' });
    for (const purpose of ['MEDICO_LEGAL_ASSISTANCE', 'EDUCATION', 'COMMUNICATIONS'] as const) {
      expectRefused(await postGraphQL(stack.gatewayUrl, SEND, { service: 'ADVICE_CALL', on: today }, await asCaller(purpose)), 'PURPOSE_SCOPE');
    }
  });

  it('surveys the members registered at an education event that took place that day, consent first', async () => {
    const [attending] = await members(true, 1, used);
    const [notConsentingAttendee] = await members(false, 1, new Set([...used, attending]));
    used.add(attending).add(notConsentingAttendee);
    const [activity] = await sql<{ id: string }>(stack.adminUrl, "select id::text from education.learning_activity where kind = 'WORKSHOP' limit 1");
    const eventId = randomUUID();
    const startsAt = new Date(`${today}T00:05:00Z`);
    await sql(stack.adminUrl, 'insert into education.learning_event (id, activity_id, starts_at, ends_at, place, online_link, capacity) values ($1, $2, $3, $4, null, null, 10)', [
      eventId,
      activity.id,
      startsAt,
      new Date(Math.min(Date.now() - 1000, startsAt.getTime() + 3600_000)),
    ]);
    for (const memberId of [attending, notConsentingAttendee]) {
      await sql(stack.adminUrl, "insert into education.event_registration (id, event_id, member_id, status, waitlist_position, registered_at) values ($1, $2, $3, 'REGISTERED', null, now())", [
        randomUUID(),
        eventId,
        memberId,
      ]);
    }
    const sent = await postGraphQL<{ sendServiceSurveys: { sent: number } }>(stack.gatewayUrl, SEND, { service: 'EDUCATION_EVENT', on: today }, await evaluation());
    expect(sent.body.errors).toBeUndefined();
    expect((await surveysOf(attending)).map((s) => s.service)).toEqual(['EDUCATION_EVENT']);
    expect(await surveysOf(notConsentingAttendee)).toHaveLength(0);
    // Stress is asked about advice calls only.
    const [survey] = await surveysOf(attending);
    const answer = await postGraphQL(stack.gatewayUrl, ANSWER, { id: survey.id, answers: { satisfaction: 4, stressBefore: 5, stressAfter: 1 } }, await asMember(attending));
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'answers.stressBefore' });
  });
});

describe('service survey results', () => {
  it('withholds what rests on too few members (600 seeded here: most quarters), naming no one', async () => {
    for (const service of ['ADVICE_CALL', 'EDUCATION_EVENT']) {
      const { body } = await postGraphQL<Results>(stack.gatewayUrl, RESULTS, { service }, await evaluation());
      expect(body.errors).toBeUndefined();
      const results = body.data!.serviceSurveyResults;
      if (results.suppressed) expect(results).toMatchObject({ respondents: null, satisfactionRate: null, severeStressReduction: null });
      else expect(results.respondents!).toBeGreaterThanOrEqual(results.minimumCellSize);
      expect(results.withheldQuarters.length).toBeGreaterThan(0);
      const text = JSON.stringify(body);
      expect(population.some((m) => text.includes(m.id) || text.includes(m.lastName))).toBe(false);
    }
  });

  it('never shows a group of fewer than the minimum, and its groups add up to its totals', async () => {
    for (const service of ['ADVICE_CALL', 'EDUCATION_EVENT']) {
      for (const groupBy of [['QUARTER'], ['PROVINCE'], ['QUARTER', 'PROVINCE']]) {
        const { body } = await postGraphQL<Results>(stack.gatewayUrl, RESULTS, { service, groupBy }, await evaluation());
        expect(body.errors).toBeUndefined();
        const results = body.data!.serviceSurveyResults;
        if (groupBy.includes('QUARTER')) expect(results.groups.length).toBeGreaterThan(0);
        for (const group of results.groups) {
          if (group.suppressed) expect(group.respondents).toBeNull();
          else expect(group.respondents!).toBeGreaterThanOrEqual(results.minimumCellSize);
        }
        expect(results.groups.reduce((n, g) => n + (g.respondents ?? 0), 0)).toBe(results.respondents ?? 0);
      }
    }
  });

  it('answers two overlapping periods so that their difference is a published quarter, never a withheld one', async () => {
    const ask = async (from: string, to: string) =>
      (await postGraphQL<Results>(stack.gatewayUrl, RESULTS, { service: 'ADVICE_CALL', from, to, groupBy: ['QUARTER'] }, await evaluation())).body.data!.serviceSurveyResults;
    const year = await ask('2025-01-01', '2025-12-31');
    const lastThree = await ask('2025-04-01', '2025-12-31');
    const first = year.groups.find((g) => g.quarter === '2025-Q1')!;
    expect((year.respondents ?? 0) - (lastThree.respondents ?? 0)).toBe(first.respondents ?? 0);
    // Mid-quarter dates count whole quarters: no period narrower than a quarter is ever counted.
    const narrow = await ask('2025-02-14', '2025-02-15');
    expect(narrow.groups.map((g) => g.quarter)).toEqual(['2025-Q1']);
    expect(narrow.respondents).toBe(first.respondents);
  });

  it('is for service evaluation alone', async () => {
    for (const purpose of ['RISK_MANAGEMENT', 'EDUCATION', 'EDI_REPORTING', 'MEMBER_SELF_SERVICE'] as const) {
      expectRefused(await postGraphQL(stack.gatewayUrl, RESULTS, { service: 'ADVICE_CALL' }, await asCaller(purpose, { memberId: population[0].id })), 'PURPOSE_SCOPE');
    }
  });
});

describe("who called an advisor on a day, read by the survey subgraph's peer call alone", () => {
  const day = [{ __typename: 'AdviceCallDay', on: today }];
  const principal = { sub: 'service-evaluation', roles: ['staff'], purposes: ['SERVICE_EVALUATION' as const] };

  it('answers the declared peer call, signed for it, under SERVICE_EVALUATION', async () => {
    const token = await signHop(stack.hopPrivateJwk, { principal, purpose: 'SERVICE_EVALUATION', requestId: 'test' }, { audience: 'case', operation: sha256(ADVICE_CALLS_TO_SURVEY_CALL.query) });
    const { body } = await postGraphQL<{ _entities: { calls: { memberId: string }[] }[] }>(
      stack.subgraphUrls.case,
      ADVICE_CALLS_TO_SURVEY_CALL.query,
      { r: day },
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities[0].calls.length).toBeGreaterThan(0);
  });

  it('refuses the same read as a gateway fetch for a client, under SERVICE_EVALUATION or any other purpose bound elsewhere', async () => {
    for (const purpose of ['SERVICE_EVALUATION', 'MEDICO_LEGAL_ASSISTANCE'] as const) {
      const { body } = await postAsGateway('case', ADVICE_CALLS_TO_SURVEY_CALL.query, { r: day }, purpose);
      expect(body.data?._entities ?? [null]).toEqual([null]);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('gives a client under SERVICE_EVALUATION no field of any member through the gateway', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { adviceCalls { calledOn } } }', { id: population[0].id }, await evaluation()), 'PURPOSE_SCOPE');
    expectRefused(await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { practice { province } } }', { id: population[0].id }, await evaluation()), 'PURPOSE_SCOPE');
  });
});
