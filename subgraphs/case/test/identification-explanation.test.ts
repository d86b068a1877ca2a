import { randomUUID } from 'node:crypto';
import type { Purpose } from '@mutual-graph/policy';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack, type Entities } from '../../../test/support/stack.js';
import { asCaller, postAsGateway } from '../../../test/support/tokens.js';

const stack = testStack();
const asRisk = () => asCaller('RISK_MANAGEMENT', { sub: 'risk-advisor-7' });
const asMember = (memberId: string) => asCaller('MEMBER_SELF_SERVICE', { memberId });

// Looser settings than the standard ones, so the test population has candidates to spare.
const SETTINGS = { alpha: 0.05, peers: 10 };
const CANDIDATES = `query ($alpha: Float, $peers: Int) {
  supportProgramCandidates(alpha: $alpha, minimumPeerMembers: $peers, first: 1000) {
    member { id } typeOfWork peerRegion peerMembers memberYears matters expected rateRatio pValue upperControlLimit
  }
}`;
const ENROL = `mutation ($m: ID!, $source: SupportProgramSource!, $alpha: Float, $peers: Int) {
  enrolInSupportProgram(memberId: $m, source: $source, alpha: $alpha, minimumPeerMembers: $peers) { id source }
}`;
const FIGURES = `identifiedOn basis lookbackFrom lookbackTo lookbackYears matterCount matters { id kind openedOn } memberYears typeOfWork peerRegion
  peerGroupChoice peerMembers peerRate expected rateRatio pValue significanceLevel upperControlLimit inPlainWords observations { writtenAt text }`;
const MINE = `{ me { identificationExplanation { ${FIGURES} } } }`;
const THEIRS = `query ($id: ID!) { member(id: $id) { identificationExplanation { ${FIGURES} } } }`;
const OBSERVE = 'mutation ($text: String!) { addMyIdentificationObservation(text: $text) { writtenAt text } }';

interface Candidate {
  member: { id: string };
  typeOfWork: string;
  peerRegion: string;
  peerMembers: number;
  memberYears: number;
  matters: number;
  expected: number;
  rateRatio: number | null;
  pValue: number;
  upperControlLimit: number;
}
interface Explanation {
  identifiedOn: string;
  basis: string;
  lookbackFrom: string;
  lookbackTo: string;
  lookbackYears: number;
  matterCount: number;
  matters: { id: string; kind: string; openedOn: string }[];
  memberYears: number;
  typeOfWork: string;
  peerRegion: string;
  peerGroupChoice: string;
  peerMembers: number;
  peerRate: number;
  expected: number;
  rateRatio: number | null;
  pValue: number;
  significanceLevel: number;
  upperControlLimit: number;
  inPlainWords: string;
  observations: { writtenAt: string; text: string }[];
}
type Mine = { me: { identificationExplanation: Explanation | null } };
type Theirs = { member: { identificationExplanation: Explanation | null } };

const today = () => new Date().toISOString().slice(0, 10);

async function candidates(variables: Record<string, unknown> = SETTINGS): Promise<Candidate[]> {
  const { body } = await postGraphQL<{ supportProgramCandidates: Candidate[] }>(stack.gatewayUrl, CANDIDATES, variables, await asRisk());
  expect(body.errors).toBeUndefined();
  return body.data!.supportProgramCandidates;
}

/** Candidates never enrolled at all (other test files enrol some). */
async function unenrolled(list: Candidate[]): Promise<Candidate[]> {
  const enrolled = new Set((await sql<{ member_id: string }>(stack.adminUrl, 'select member_id from casework.support_program_enrolment')).map((r) => r.member_id));
  return list.filter((c) => !enrolled.has(c.member.id));
}

function expectSameFigures(explanation: Explanation, candidate: Candidate): void {
  expect(explanation).toMatchObject({
    typeOfWork: candidate.typeOfWork,
    peerRegion: candidate.peerRegion,
    peerMembers: candidate.peerMembers,
    matterCount: candidate.matters,
    upperControlLimit: candidate.upperControlLimit,
  });
  expect(explanation.memberYears).toBeCloseTo(candidate.memberYears, 9);
  expect(explanation.expected).toBeCloseTo(candidate.expected, 9);
  expect(explanation.pValue).toBeCloseTo(candidate.pValue, 12);
  if (candidate.rateRatio === null) expect(explanation.rateRatio).toBeNull();
  else expect(explanation.rateRatio).toBeCloseTo(candidate.rateRatio, 9);
  expect(explanation.peerRate * explanation.memberYears).toBeCloseTo(explanation.expected, 9);
}

describe("a member's identification explanation", () => {
  let identified: Candidate;
  let recorded: Explanation;

  beforeAll(async () => {
    [identified] = await unenrolled(await candidates());
    const { body } = await postGraphQL<{ enrolInSupportProgram: { id: string } }>(stack.gatewayUrl, ENROL, { m: identified.member.id, source: 'IDENTIFICATION', ...SETTINGS }, await asRisk());
    expect(body.errors).toBeUndefined();
  }, 60_000);

  it("gives the member the figures the identification used, the same as supportProgramCandidates' for them that day", async () => {
    const { body } = await postGraphQL<Mine>(stack.gatewayUrl, MINE, {}, await asMember(identified.member.id));
    expect(body.errors).toBeUndefined();
    recorded = body.data!.me.identificationExplanation!;
    expectSameFigures(recorded, identified);
    const from = `${Number(today().slice(0, 4)) - 10}${today().slice(4)}`;
    expect(recorded).toMatchObject({
      identifiedOn: today(),
      basis: 'RECORDED_AT_IDENTIFICATION',
      lookbackFrom: from,
      lookbackTo: today(),
      lookbackYears: 10,
      significanceLevel: SETTINGS.alpha,
      observations: [],
    });
    // The matters counted are the member's own, as their history shows them.
    const history = await postGraphQL<{ me: { medicoLegalHistory: { id: string; kind: string; openedOn: string }[] } }>(
      stack.gatewayUrl,
      '{ me { medicoLegalHistory(years: 10) { id kind openedOn } } }',
      {},
      await asMember(identified.member.id),
    );
    const inLookback = history.body.data!.me.medicoLegalHistory.filter((m) => m.openedOn >= from);
    expect([...recorded.matters].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...inLookback].sort((a, b) => a.id.localeCompare(b.id)));
    expect(recorded.inPlainWords).toContain(`you had ${identified.matters} matters`);
    expect(recorded.inPlainWords).toContain('That is why you were identified.');
    expect(recorded.peerGroupChoice).toMatch(/^The \d[\d,]* members \(you included\)/);
  });

  it('keeps explaining the decision taken when new matters arrive afterwards', async () => {
    const matterId = randomUUID();
    await sql(
      stack.adminUrl,
      `insert into casework.medico_legal_matter (id, member_id, kind, province, opened_on, status, physician_advisor) values ($1, $2, 'OTHER', 'ON', current_date, 'OPEN', 'PA-01 Dr. Example Leblanc')`,
      [matterId, identified.member.id],
    );
    try {
      const now = (await candidates()).find((c) => c.member.id === identified.member.id)!;
      expect(now.matters).toBe(identified.matters + 1);
      const { body } = await postGraphQL<Theirs>(stack.gatewayUrl, THEIRS, { id: identified.member.id }, await asRisk());
      expect(body.data!.member.identificationExplanation).toEqual(recorded);
    } finally {
      await sql(stack.adminUrl, 'delete from casework.medico_legal_matter where id = $1', [matterId]);
    }
  });

  it("refuses another member's explanation to a member, through the gateway and straight at the subgraph", async () => {
    const other = [...syntheticMembers(stack.seed)].find((m) => m.id !== identified.member.id)!;
    expectRefused(await postGraphQL(stack.gatewayUrl, THEIRS, { id: identified.member.id }, await asMember(other.id)), 'SUBJECT_SCOPE');
    const direct = await postAsGateway<Entities<{ identificationExplanation: Explanation | null }>>(
      'case',
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { identificationExplanation { pValue matterCount } } } }',
      { r: [{ __typename: 'Member', id: identified.member.id }] },
      'MEMBER_SELF_SERVICE',
      { memberId: other.id },
    );
    expect(direct.body.errors?.[0]?.extensions?.policy?.rule).toBe('SUBJECT_SCOPE');
    expect(direct.body.data?._entities?.[0]?.identificationExplanation ?? null).toBeNull();
  });

  it.each<Purpose>(['MEMBERSHIP', 'PARTNER_CONFIRMATION', 'MEDICO_LEGAL_ASSISTANCE', 'EDUCATION', 'EDI_REPORTING', 'PRIVACY_OFFICE', 'COMMUNICATIONS', 'SERVICE_EVALUATION'])(
    'refuses the explanation under %s',
    async (purpose) => {
      const response = await postGraphQL(stack.gatewayUrl, THEIRS, { id: identified.member.id }, await asCaller(purpose));
      expect(response.status).toBe(403);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('refuses the explanation straight at the subgraph under MEDICO_LEGAL_ASSISTANCE, which may read medico-legal matters', async () => {
    const direct = await postAsGateway<Entities<{ identificationExplanation: Explanation | null }>>(
      'case',
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { identificationExplanation { pValue } } } }',
      { r: [{ __typename: 'Member', id: identified.member.id }] },
      'MEDICO_LEGAL_ASSISTANCE',
    );
    expect(direct.body.errors?.[0]?.extensions?.policy?.rule).toBe('PURPOSE_SCOPE');
    expect(direct.body.data?._entities?.[0]?.identificationExplanation ?? null).toBeNull();
  });

  it('is null for a member never identified: no enrolment, or one they asked for themselves', async () => {
    const [never, selfReferred] = await unenrolled([...syntheticMembers(stack.seed)].slice(500, 560).map((m) => ({ member: { id: m.id } }) as Candidate));
    const asked = await postGraphQL(
      stack.gatewayUrl,
      'mutation { requestSupportProgramReview(answers: [{ code: "REVIEW_HISTORY", answer: true }]) { source } }',
      {},
      await asMember(selfReferred.member.id),
    );
    expect(asked.body.errors).toBeUndefined();
    for (const member of [never, selfReferred]) {
      const { body } = await postGraphQL<Mine>(stack.gatewayUrl, MINE, {}, await asMember(member.member.id));
      expect(body.errors).toBeUndefined();
      expect(body.data!.me.identificationExplanation).toBeNull();
    }
    const write = await postGraphQL(stack.gatewayUrl, OBSERVE, { text: 'Why me?' }, await asMember(selfReferred.member.id));
    expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'memberId' });
  });

  it('will not open an enrolment from identification for a member the identification does not find', async () => {
    const found = new Set((await candidates()).map((c) => c.member.id));
    const [notFound] = await unenrolled(
      [...syntheticMembers(stack.seed)]
        .slice(300, 400)
        .filter((m) => !found.has(m.id))
        .map((m) => ({ member: { id: m.id } }) as Candidate),
    );
    const { body } = await postGraphQL(stack.gatewayUrl, ENROL, { m: notFound.member.id, source: 'IDENTIFICATION', ...SETTINGS }, await asRisk());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'source' });
    expect(await sql(stack.adminUrl, 'select 1 from casework.support_program_enrolment where member_id = $1', [notFound.member.id])).toEqual([]);
  });

  describe("the member's observations", () => {
    it('are stored dated, read back by the member and seen by the program team, oldest first', async () => {
      const first = await postGraphQL<{ addMyIdentificationObservation: { writtenAt: string; text: string } }>(
        stack.gatewayUrl,
        OBSERVE,
        { text: '  Most of these matters came from one hospital reorganisation in 2021.\nI have since changed my consent process.  ' },
        await asMember(identified.member.id),
      );
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data!.addMyIdentificationObservation.text).toBe('Most of these matters came from one hospital reorganisation in 2021.\nI have since changed my consent process.');
      await postGraphQL(stack.gatewayUrl, OBSERVE, { text: 'Two of the complaints were dismissed.' }, await asMember(identified.member.id));
      const mine = await postGraphQL<Mine>(stack.gatewayUrl, MINE, {}, await asMember(identified.member.id));
      const staff = await postGraphQL<Theirs>(stack.gatewayUrl, THEIRS, { id: identified.member.id }, await asRisk());
      for (const observations of [mine.body.data!.me.identificationExplanation!.observations, staff.body.data!.member.identificationExplanation!.observations]) {
        expect(observations.map((o) => o.text)).toEqual([
          'Most of these matters came from one hospital reorganisation in 2021.\nI have since changed my consent process.',
          'Two of the complaints were dismissed.',
        ]);
        expect(observations[0].writtenAt <= observations[1].writtenAt).toBe(true);
      }
    });

    it.each([
      ['empty', '   '],
      ['too long', 'x'.repeat(2001)],
      ['a NUL byte', 'before\u0000after'],
      ['a carriage return', 'line\rbreak'],
      ['a C1 control', 'bell\u0085ringing'],
      ['a direction override', 'safe\u202Etxt.exe'],
      ['a zero-width space', 'hid\u200Bden'],
    ])('refuse text with %s, and store nothing', async (_what, text) => {
      const before = await sql(stack.adminUrl, 'select count(*)::int as n from casework.identification_observation where member_id = $1', [identified.member.id]);
      const { body } = await postGraphQL(stack.gatewayUrl, OBSERVE, { text }, await asMember(identified.member.id));
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
      expect(await sql(stack.adminUrl, 'select count(*)::int as n from casework.identification_observation where member_id = $1', [identified.member.id])).toEqual(before);
    });

    it.each<Purpose>(['RISK_MANAGEMENT', 'MEDICO_LEGAL_ASSISTANCE', 'MEMBERSHIP', 'PRIVACY_OFFICE'])('are not written under %s', async (purpose) => {
      expectRefused(await postGraphQL(stack.gatewayUrl, OBSERVE, { text: 'Written for the member.' }, await asCaller(purpose, { memberId: identified.member.id })), 'PURPOSE_SCOPE');
    });

    it("are written only on the caller's own identification: another member's token never reaches this one", async () => {
      const [otherIdentified] = await unenrolled(await candidates());
      await postGraphQL(stack.gatewayUrl, ENROL, { m: otherIdentified.member.id, source: 'IDENTIFICATION', ...SETTINGS }, await asRisk());
      const { body } = await postGraphQL(stack.gatewayUrl, OBSERVE, { text: 'Not about you.' }, await asMember(otherIdentified.member.id));
      expect(body.errors).toBeUndefined();
      const staff = await postGraphQL<Theirs>(stack.gatewayUrl, THEIRS, { id: identified.member.id }, await asRisk());
      expect(staff.body.data!.member.identificationExplanation!.observations.map((o) => o.text)).not.toContain('Not about you.');
      const theirs = await postGraphQL<Theirs>(stack.gatewayUrl, THEIRS, { id: otherIdentified.member.id }, await asRisk());
      expect(theirs.body.data!.member.identificationExplanation!.observations.map((o) => o.text)).toEqual(['Not about you.']);
      // No argument names another member: the mutation takes none.
      const named = await postGraphQL(
        stack.gatewayUrl,
        `mutation { addMyIdentificationObservation(text: "x", memberId: "${identified.member.id}") { text } }`,
        {},
        await asMember(otherIdentified.member.id),
      );
      expect(named.body.data ?? null).toBeNull();
      expect(named.body.errors?.[0]?.message).toMatch(/memberId/);
    });

    it('are each stored once when sent at once', async () => {
      const texts = Array.from({ length: 6 }, (_, i) => `At once ${i}`);
      const answers = await Promise.all(texts.map(async (text) => postGraphQL(stack.gatewayUrl, OBSERVE, { text }, await asMember(identified.member.id))));
      expect(answers.every((a) => a.body.errors === undefined)).toBe(true);
      const stored = await sql<{ text: string }>(stack.adminUrl, "select text from casework.identification_observation where member_id = $1 and text like 'At once %'", [identified.member.id]);
      expect(stored.map((s) => s.text).sort()).toEqual(texts);
    });
  });
});

describe('the seeded stack', () => {
  it("holds members enrolled from identification with their figures recorded, as the program's standard identification finds them", async () => {
    const seeded = await sql<{ member_id: string; recorded: boolean }>(
      stack.adminUrl,
      `select e.member_id, s.id is not null as recorded from casework.support_program_enrolment e join casework.enrolment_note n on n.enrolment_id = e.id and n.author = 'seed'
        left join casework.identification_snapshot s on s.enrolment_id = e.id`,
    );
    const standard = await candidates({});
    expect(seeded.length).toBe(Math.min(3, standard.length));
    expect(seeded.every((s) => s.recorded)).toBe(true);
    expect(seeded.map((s) => s.member_id).sort()).toEqual(
      standard
        .slice(0, seeded.length)
        .map((c) => c.member.id)
        .sort(),
    );
  });
});

describe('identifications older than the record of their figures', () => {
  it('are explained with figures worked out again as of the identification day, with the standard settings, and say so', async () => {
    // A seeded identification with its record set aside plays one made before the record existed.
    const [seeded] = await sql<{ member_id: string; row: Record<string, unknown> }>(
      stack.adminUrl,
      `select e.member_id, row_to_json(s) as row from casework.support_program_enrolment e join casework.identification_snapshot s on s.enrolment_id = e.id
        join casework.enrolment_note n on n.enrolment_id = e.id and n.author = 'seed' limit 1`,
    );
    expect(seeded).toBeDefined();
    const before = (await postGraphQL<Mine>(stack.gatewayUrl, MINE, {}, await asMember(seeded.member_id))).body.data!.me.identificationExplanation!;
    expect(before.basis).toBe('RECORDED_AT_IDENTIFICATION');
    await sql(stack.adminUrl, 'delete from casework.identification_snapshot where id = $1', [seeded.row.id]);
    try {
      const { body } = await postGraphQL<Mine>(stack.gatewayUrl, MINE, {}, await asMember(seeded.member_id));
      expect(body.errors).toBeUndefined();
      const explanation = body.data!.me.identificationExplanation!;
      expect(explanation).toMatchObject({ basis: 'RECOMPUTED_AS_OF_IDENTIFICATION', significanceLevel: 0.001, identifiedOn: before.identifiedOn });
      // Nothing changed since: the figures worked out again are the ones recorded.
      const { basis: _b, inPlainWords: words, ...figures } = explanation;
      const { basis: _r, inPlainWords: _w, ...recordedFigures } = before;
      expect(figures).toEqual(recordedFigures);
      expect(words).toMatch(/^Your enrolment of \d{4}-\d{2}-\d{2} predates our record of the figures used/);
    } finally {
      await sql(stack.adminUrl, 'insert into casework.identification_snapshot select * from json_populate_record(null::casework.identification_snapshot, $1)', [JSON.stringify(seeded.row)]);
    }
  });
});
