import { formatMinc } from '@mutual-graph/domain-codes';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { effectsSettled } from '../../../test/support/effects.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const CANDIDATES = `query ($alpha: Float, $peers: Int) {
  supportProgramCandidates(alpha: $alpha, minimumPeerMembers: $peers, first: 1000) {
    member { id } typeOfWork peerRegion peerMembers memberYears matters expected rateRatio pValue upperControlLimit
  }
}`;
const DAY = 86_400_000;

/** P(X >= n) for X ~ Poisson(lambda), summed directly: an oracle sharing no code with the subgraph. */
function upperTail(n: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let k = 0; k < n; k++) {
    below += term;
    term *= lambda / (k + 1);
  }
  return Math.max(0, 1 - below);
}

/** The same identification, worked out in the test from the rows themselves. */
async function oracle(alpha: number, minimumPeers: number) {
  const today = new Date().toISOString().slice(0, 10);
  const from = `${Number(today.slice(0, 4)) - 10}${today.slice(4)}`;
  const periods = await sql<{ member_id: string; s: string; e: string | null; type_of_work: string; fee_region: string }>(
    stack.adminUrl,
    "select member_id, to_char(starts_on, 'YYYY-MM-DD') as s, to_char(ends_on, 'YYYY-MM-DD') as e, type_of_work, fee_region from casework.protection_period",
  );
  const matters = await sql<{ member_id: string; n: number }>(
    stack.adminUrl,
    `select member_id, count(*)::int as n from casework.medico_legal_matter where opened_on between $1 and $2 group by member_id`,
    [from, today],
  );
  const count = new Map(matters.map((m) => [m.member_id, m.n]));
  const byMember = new Map<string, Map<string, number>>();
  for (const p of periods) {
    const start = Math.max(Date.parse(p.s), Date.parse(from));
    const end = Math.min(Date.parse(p.e ?? today), Date.parse(today));
    const years = Math.max(0, (end - start) / DAY + 1) / 365.25;
    const groups = byMember.get(p.member_id) ?? new Map<string, number>();
    const key = `${p.type_of_work}|${p.fee_region}`;
    groups.set(key, (groups.get(key) ?? 0) + years);
    byMember.set(p.member_id, groups);
  }
  const members = [...byMember].flatMap(([id, groups]) => {
    const positive = [...groups].filter(([, y]) => y > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (positive.length === 0) return [];
    const [type, region] = positive[0][0].split('|');
    return [{ id, type: type, region: region, years: [...groups.values()].reduce((a, b) => a + b, 0), n: count.get(id) ?? 0 }];
  });
  const sum = (list: typeof members) => ({ members: list.length, n: list.reduce((a, m) => a + m.n, 0), years: list.reduce((a, m) => a + m.years, 0) });
  return members.flatMap((m) => {
    if (m.n === 0) return [];
    const regional = sum(members.filter((o) => o.type === m.type && o.region === m.region));
    const national = sum(members.filter((o) => o.type === m.type));
    // The peers other than the member are never fewer than the minimum cell size (10).
    const minimum = Math.max(minimumPeers, 11);
    const group = regional.members >= minimum ? regional : national;
    if (group.members < minimum) return [];
    const expected = ((group.n - m.n) / (group.years - m.years)) * m.years;
    const p = upperTail(m.n, expected);
    return p < alpha ? [{ id: m.id, matters: m.n, expected, p }] : [];
  });
}

describe('Member Support Program identification', () => {
  it('finds exactly the members an exact Poisson test against their peers finds, most excess first', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, CANDIDATES, { alpha: 0.05, peers: 10 }, await asCaller('RISK_MANAGEMENT'));
    expect(body.errors).toBeUndefined();
    const candidates = body.data!.supportProgramCandidates as { member: { id: string }; matters: number; expected: number; pValue: number; rateRatio: number | null; upperControlLimit: number }[];
    const expected = await oracle(0.05, 10);
    expect(expected.length).toBeGreaterThan(0);
    expect(candidates.map((c) => c.member.id).sort()).toEqual(expected.map((e) => e.id).sort());
    for (const candidate of candidates) {
      const twin = expected.find((e) => e.id === candidate.member.id)!;
      expect(candidate.matters).toBe(twin.matters);
      expect(candidate.expected).toBeCloseTo(twin.expected, 6);
      expect(candidate.pValue).toBeCloseTo(twin.p, 8);
      if (twin.expected > 0) expect(candidate.rateRatio).toBeCloseTo(twin.matters / twin.expected, 6);
      else expect(candidate.rateRatio).toBeNull();
      expect(candidate.matters).toBeGreaterThan(candidate.upperControlLimit - 1);
    }
    const excess = candidates.map((c) => c.matters - c.expected);
    expect(excess).toEqual([...excess].sort((a, b) => b - a));
  });

  it("keeps its copy of periods of protection current when a member's periods change", async () => {
    const suffix = Math.floor(Math.random() * 1_000_000);
    const applied = await postGraphQL<{ applyForMembership: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($a: MembershipApplicationInput!) { applyForMembership(application: $a) { id } }',
      {
        a: {
          profile: { firstName: 'Idris', lastName: `Zzyzx-${String(suffix).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`, dateOfBirth: '1980-02-02' },
          contact: { email: `idris.${suffix}@example.org`, phone: '+1-555-010-0177', city: 'Yellowknife', province: 'NT' },
          minc: formatMinc(String(7_000_000 + suffix)),
          collegeRegistrations: [{ college: 'NT', registrationNumber: `NT-${suffix}` }],
          typeOfWork: 'PSY',
        },
      },
      await asCaller('MEMBERSHIP'),
    );
    const id = applied.body.data!.applyForMembership.id;
    const on = new Date(Date.now() - 90 * DAY).toISOString().slice(0, 10);
    const accepted = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($id: ID!, $on: Date!) { changeMembershipStatus(memberId: $id, to: ACTIVE, effectiveOn: $on) { membership { status } } }',
      { id, on },
      await asCaller('MEMBERSHIP'),
    );
    expect(accepted.body.errors).toBeUndefined();
    await effectsSettled(id);
    const copy = await sql(stack.adminUrl, `select to_char(starts_on, 'YYYY-MM-DD') as starts_on, ends_on, type_of_work, fee_region from casework.protection_period where member_id = $1`, [id]);
    expect(copy).toEqual([{ starts_on: on, ends_on: null, type_of_work: 'PSY', fee_region: 'REST_OF_CANADA' }]);
  });

  it("is risk management's alone, and its copy of periods is no client's to write", async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, CANDIDATES, {}, await asCaller('MEDICO_LEGAL_ASSISTANCE')), 'PURPOSE_SCOPE');
    expectRefused(
      await postGraphQL(stack.gatewayUrl, 'mutation { syncProtectionPeriods(memberId: "00000000-0000-4000-8000-000000000000", periods: []) }', {}, await asCaller('MEMBERSHIP')),
      'PURPOSE_SCOPE',
    );
  });

  it('refuses a significance it cannot stand behind', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, CANDIDATES, { alpha: 0.5 }, await asCaller('RISK_MANAGEMENT'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'alpha' });
  });
});
