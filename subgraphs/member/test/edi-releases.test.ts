import { formatMinc } from '@mutual-graph/domain-codes';
import { EDI_ANSWERS, EdiDimension } from '../src/reporting/edi-dimensions.js';
import { dimensionValues, EDI_RELEASE_TABLES } from '../src/reporting/edi-release-tables.js';
import type { PublishedTable } from '../src/reporting/protect-release.js';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { effectsSettled } from '../../../test/support/effects.js';
import { asCaller } from '../../../test/support/tokens.js';
import { attackCubes, feasibleRanges, noiseBound } from './support/lp-attacker.js';
import { ediStore } from '../src/edi-store.js';
import { memberSubgraph } from '../src/subgraph.js';
import { openDatabase } from '@mutual-graph/platform';
import { asLead, PUBLISH, releases, wholeRelease, type Cell } from './support/edi-graph.js';

const stack = testStack();
const QUESTIONS = [EdiDimension.GENDER_IDENTITY, EdiDimension.INDIGENOUS_IDENTITY, EdiDimension.RACIALIZED_IDENTITY, EdiDimension.DISABILITY, EdiDimension.SEXUAL_ORIENTATION];

async function publish(): Promise<{ id: string; version: number; publishedBy: string }> {
  const { body } = await postGraphQL(stack.gatewayUrl, PUBLISH, {}, await asLead());
  expect(body.errors).toBeUndefined();
  return body.data!.publishEdiRelease;
}

const asTables = (tables: Map<string, Cell[]>): PublishedTable[] =>
  EDI_RELEASE_TABLES.map((table) => ({
    table,
    cells: tables.get(table.key)!.map((c) => ({ values: c.values.map((v) => v.value), count: c.count })),
  }));

const APPLY = `mutation ($application: MembershipApplicationInput!, $edi: EdiAnswersInput) { applyForMembership(application: $application, ediAnswers: $edi) { id } }`;

describe("the EDI store's copy of practices", () => {
  it('is mended at setup from the member schema alone: a missing row and a stale one are written again, nothing else', async () => {
    const [first, second] = await sql(stack.adminUrl, 'select member_id::text as id from edi.member_practice order by member_id limit 2');
    const expected = await sql(stack.adminUrl, 'select id::text as id, province::text as province, specialty from member.member where id = any($1::uuid[]) order by id', [[first.id, second.id]]);
    await sql(stack.adminUrl, 'delete from edi.member_practice where member_id = $1', [first.id]);
    await sql(stack.adminUrl, "update edi.member_practice set province = 'YT', specialty = 'RESIDENT' where member_id = $1", [second.id]);
    const edi = await openDatabase(ediStore.database, { clientUrl: stack.ownerUrls.edi, poolMax: 1 });
    const member = await openDatabase(memberSubgraph.database, { clientUrl: stack.ownerUrls.member, poolMax: 1 });
    try {
      expect(await ediStore.reconcile!(edi.em.fork(), member.em.fork())).toBe(expected.filter((e) => !(e.id === second.id && e.province === 'YT' && e.specialty === 'RESIDENT')).length);
      expect(await ediStore.reconcile!(edi.em.fork(), member.em.fork())).toBe(0);
    } finally {
      await edi.close();
      await member.close();
    }
    expect(
      await sql(stack.adminUrl, 'select member_id::text as id, province, specialty from edi.member_practice where member_id = any($1::uuid[]) order by member_id', [[first.id, second.id]]),
    ).toEqual(expected);
  });
});

describe('publishing EDI releases', () => {
  it('is for the EDI reporting lead alone: anyone else is refused ROLE_REQUIRED, and nothing is published', async () => {
    const before = (await releases()).length;
    expectRefused(await postGraphQL(stack.gatewayUrl, PUBLISH, {}, await asCaller('EDI_REPORTING')), 'ROLE_REQUIRED');
    expectRefused(await postGraphQL(stack.gatewayUrl, PUBLISH, {}, await asCaller('MEMBERSHIP', { roles: ['edi-reporting-lead'] })), 'PURPOSE_SCOPE');
    expect((await releases()).length).toBe(before);
  });

  it("does not show an applicant's answers in the difference between the releases before and after they were added", async () => {
    const first = await publish();
    const answers = { GENDER_IDENTITY: 'NON_BINARY', INDIGENOUS_IDENTITY: 'METIS', RACIALIZED_IDENTITY: 'BLACK', DISABILITY: 'YES', SEXUAL_ORIENTATION: 'BISEXUAL' } as const;
    const unique = Date.now() % 1_000_000;
    const { body } = await postGraphQL<{ applyForMembership: { id: string } }>(
      stack.gatewayUrl,
      APPLY,
      {
        application: {
          profile: { firstName: 'Aurore', lastName: 'Zzyzx-Release', dateOfBirth: '1985-04-12' },
          contact: { email: `release.${unique}@example.org`, phone: '+1-555-010-0199', city: 'Iqaluit', province: 'NU' },
          minc: formatMinc(String(8_900_000 + (unique % 99_999))),
          collegeRegistrations: [{ college: 'NU', registrationNumber: `NU-R-${unique}` }],
          typeOfWork: 'PSY',
        },
        edi: {
          consentToCollect: true,
          genderIdentity: answers.GENDER_IDENTITY,
          indigenousIdentity: answers.INDIGENOUS_IDENTITY,
          racializedIdentity: answers.RACIALIZED_IDENTITY,
          disability: answers.DISABILITY,
          sexualOrientation: answers.SEXUAL_ORIENTATION,
        },
      },
      await asCaller('MEMBERSHIP'),
    );
    expect(body.errors).toBeUndefined();
    // The EDI store's copy of the applicant's practice followed, from the member subgraph's outbox.
    await effectsSettled(body.data!.applyForMembership.id);
    expect(await sql(stack.adminUrl, 'select province, specialty from edi.member_practice where member_id = $1', [body.data!.applyForMembership.id])).toEqual([
      { province: 'NU', specialty: 'PSYCHIATRY' },
    ]);
    const second = await publish();
    expect(second.version).toBe(first.version + 1);

    const [a, b] = [await wholeRelease(first.id), await wholeRelease(second.id)];
    const count = (tables: Map<string, Cell[]>, table: string, match: (cell: Cell) => boolean) => tables.get(table)!.find(match)!.count;
    // Every cell is drawn afresh: cells the applicant is not in change as much as theirs.
    let changedElsewhere = 0;
    for (const q of QUESTIONS) {
      for (const value of EDI_ANSWERS[q]!) {
        if (value === answers[q]) continue;
        const at = (cell: Cell) => cell.values[0].value === value;
        if (count(a, q, at) !== count(b, q, at)) changedElsewhere++;
      }
    }
    expect(changedElsewhere).toBeGreaterThan(0);
    // The reading that gave applicants away before: the one cell of each question that rose by exactly one.
    const read = QUESTIONS.filter((q) => {
      const rose = EDI_ANSWERS[q]!.filter((value) => {
        const at = (cell: Cell) => cell.values[0].value === value;
        const [x, y] = [count(a, q, at), count(b, q, at)];
        return x !== null && y !== null && y - x === 1;
      });
      return rose.length === 1 && rose[0] === answers[q];
    });
    expect(read.length).toBeLessThan(QUESTIONS.length);
  });

  it('leaves every cell of the published release a feasible range of at least 10 to an attacker who solves over every table it publishes', async () => {
    const latest = (await releases())[0];
    const published = asTables(await wholeRelease(latest.id));
    const bound = noiseBound(72, 1e-6);
    let narrowest = Infinity;
    // The cubes small enough to solve here; the domain test solves every cube on a smaller catalogue.
    const cubes = attackCubes(EDI_RELEASE_TABLES).filter((cube) => cube.reduce((n, d) => n * dimensionValues(d).length, 1) <= 800);
    expect(cubes.length).toBeGreaterThanOrEqual(10);
    for (const cube of cubes) {
      for (const range of await feasibleRanges(published, cube, { valuesOf: dimensionValues, minimumCellSize: 10, bound })) narrowest = Math.min(narrowest, range.high - range.low);
    }
    console.log(`release ${latest.version}: narrowest feasible range over ${cubes.length} cubes: ${narrowest}`);
    expect(narrowest).toBeGreaterThanOrEqual(10);
  }, 180_000);

  it("stops at the year's privacy budget, with a code and the date the next release fits", async () => {
    const budget = async () =>
      (
        await postGraphQL<{ ediPrivacyBudget: { budget: number; spent: number; spentInTotal: number; releasesPossible: number; nextReleaseFrom: string } }>(
          stack.gatewayUrl,
          '{ ediPrivacyBudget { budget spent spentInTotal releasesPossible nextReleaseFrom } }',
          {},
          await asCaller('EDI_REPORTING'),
        )
      ).body.data!.ediPrivacyBudget;
    let state = await budget();
    expect(state.budget).toBe(0.5);
    while (state.releasesPossible > 0) {
      await publish();
      state = await budget();
    }
    expect(state.spent).toBe(0.5);
    const count = (await releases()).length;
    expect(state.spentInTotal).toBe(count * 0.125);
    const { body } = await postGraphQL(stack.gatewayUrl, PUBLISH, {}, await asLead());
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'EDI_PRIVACY_BUDGET_SPENT', spent: 0.5, budget: 0.5, nextReleaseFrom: state.nextReleaseFrom });
    expect(new Date(state.nextReleaseFrom).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    expect((await releases()).length).toBe(count);
  });
});
