import type { EntityManager } from '@mikro-orm/postgresql';
import { identifyCandidates, type IdentificationOptions } from '../../src/domain/support-program-identification.js';

/** The statement's rows, as PostgreSQL would return them; the statistics are what is under test. */
function rowsOf(rows: object[]): { em: EntityManager; params: unknown[][] } {
  const params: unknown[][] = [];
  const em = { getConnection: () => ({ execute: async (_sql: string, p: unknown[]) => (params.push(p), rows) }) } as unknown as EntityManager;
  return { em, params };
}

const OPTIONS: IdentificationOptions = { lookbackYears: 10, alpha: 0.001, minimumPeerMembers: 30, asOf: '2026-10-31' };

/** One member among peers: by default 100 regional peers with 100 matters over 1,000 member-years (0.1 a year). */
const row = (memberId: string, matters: number, overrides: object = {}) => ({
  member_id: memberId, type_of_work: 'GS', fee_region: 'ONTARIO', years: 10, matters,
  regional_members: 100, regional_matters: 100 + matters, regional_years: 1_000 + 10,
  national_members: 400, national_matters: 400 + matters, national_years: 4_000 + 10, ...overrides,
});

describe('identifying members for the support program', () => {
  it('looks back the configured number of years from asOf', async () => {
    const { em, params } = rowsOf([]);
    await identifyCandidates(em, OPTIONS);
    expect(params[0]).toEqual(['2026-10-31', '2026-10-31', '2016-10-31', '2016-10-31', '2026-10-31']);
  });

  it('names a member whose count is improbable under the peer rate, with the funnel limit', async () => {
    const { em } = rowsOf([row('outlier', 8)]);
    const [candidate] = await identifyCandidates(em, OPTIONS);
    expect(candidate).toMatchObject({ memberId: 'outlier', peerRegion: 'ONTARIO', peerMembers: 100, matters: 8, memberYears: 10 });
    // 1 expected in 10 years at 0.1 a year: eight or more has p ≈ 1.0e-5; the limit is 5 at 99.9%.
    expect(candidate!.expected).toBeCloseTo(1, 10);
    expect(candidate!.rateRatio).toBeCloseTo(8, 10);
    expect(candidate!.pValue).toBeGreaterThan(0);
    expect(candidate!.pValue).toBeLessThan(2e-5);
    expect(candidate!.upperControlLimit).toBe(5);
  });

  it('does not name a member whose count is within what peers see', async () => {
    const { em } = rowsOf([row('usual', 3)]);
    expect(await identifyCandidates(em, OPTIONS)).toEqual([]);
  });

  it("leaves the member's own matters out of the peer rate, so a very high count cannot raise its own yardstick", async () => {
    // With the member counted in, the rate would be 160/1010 per year and 20 matters would look far less unusual.
    const { em } = rowsOf([row('extreme', 60)]);
    const [candidate] = await identifyCandidates(em, OPTIONS);
    expect(candidate!.expected).toBeCloseTo(1, 10);
  });

  it('falls back to the national peer group for the type of work when the regional one is too small', async () => {
    const { em } = rowsOf([row('small-region', 8, { regional_members: 29 })]);
    expect((await identifyCandidates(em, OPTIONS))[0]).toMatchObject({ peerRegion: 'NATIONAL', peerMembers: 400 });
  });

  it('names nobody when even the national group is too small to say what is usual', async () => {
    const { em } = rowsOf([row('rare-work', 50, { regional_members: 5, national_members: 29 })]);
    expect(await identifyCandidates(em, OPTIONS)).toEqual([]);
  });

  it('names nobody when the peers have no exposure left once the member is taken out', async () => {
    const { em } = rowsOf([row('alone', 5, { regional_years: 10, national_years: 10 })]);
    expect(await identifyCandidates(em, OPTIONS)).toEqual([]);
  });

  it('gives no rate ratio, and a p-value of zero at most, when peers had no matters at all', async () => {
    const { em } = rowsOf([row('only-one', 2, { regional_matters: 2 })]);
    const [candidate] = await identifyCandidates(em, OPTIONS);
    expect(candidate).toMatchObject({ expected: 0, rateRatio: null, pValue: 0 });
  });

  it('orders candidates by matters above expectation, largest first', async () => {
    const { em } = rowsOf([row('eight', 8), row('twenty', 20), row('twelve', 12)]);
    expect((await identifyCandidates(em, OPTIONS)).map((c) => c.memberId)).toEqual(['twenty', 'twelve', 'eight']);
  });

  it('is stricter with a smaller alpha', async () => {
    const { em } = rowsOf([row('borderline', 6)]);
    expect(await identifyCandidates(em, { ...OPTIONS, alpha: 0.001 })).toHaveLength(1);
    expect(await identifyCandidates(em, { ...OPTIONS, alpha: 1e-6 })).toHaveLength(0);
  });
});
