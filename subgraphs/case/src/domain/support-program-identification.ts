import type { EntityManager } from '@mikro-orm/postgresql';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { MINIMUM_CELL_SIZE_FLOOR } from '@mutual-graph/policy';

export interface IdentificationOptions {
  /** Years of matters and exposure looked at (default 10). */
  lookbackYears: number;
  /** Significance of the exact one-sided Poisson test (default 0.001, as funnel plots' 99.9% limit). */
  alpha: number;
  /** A peer group smaller than this is replaced by the national group for the type of work (never under the minimum cell size's floor, the member aside). */
  minimumPeerMembers: number;
  asOf: string;
}

/** The first day of the lookback ending on `asOf`. */
export function lookbackFrom(options: Pick<IdentificationOptions, 'asOf' | 'lookbackYears'>): string {
  return `${Number(options.asOf.slice(0, 4)) - options.lookbackYears}${options.asOf.slice(4)}`;
}

export interface Candidate {
  memberId: string;
  typeOfWork: string;
  /** The fee region the member spent most of the lookback in. */
  feeRegion: string;
  /** The member's fee region, or NATIONAL when the regional peer group was too small. */
  peerRegion: string;
  /** Members in the peer group, the member included. */
  peerMembers: number;
  /** The peers' matters and member-years, the member left out: the yardstick, as aggregates only. */
  peerMatters: number;
  peerMemberYears: number;
  memberYears: number;
  matters: number;
  expected: number;
  /** matters ÷ expected; null when peers had no matters at all */
  rateRatio: number | null;
  pValue: number;
  /** Funnel plot: the count above which a member this exposed stands out at `alpha`. */
  upperControlLimit: number;
  /** pValue < alpha: the count is improbable at the peer rate. */
  significant: boolean;
}

interface Row {
  member_id: string;
  type_of_work: string;
  fee_region: string;
  years: number;
  matters: number;
  regional_members: number;
  regional_matters: number;
  regional_years: number;
  national_members: number;
  national_matters: number;
  national_years: number;
}

/**
 * Every member's comparison with their peers in one set-based statement: each member's matters over
 * the lookback against the rate of peers of the same type of work and fee region (the group they
 * spent most of the lookback in), with exposure in member-years from their periods of protection.
 * `memberId` null: every member with a matter in the lookback; otherwise that member alone (whatever
 * their count), still against the whole population's peer groups.
 */
async function comparisons(em: EntityManager, options: IdentificationOptions, memberId: string | null): Promise<Candidate[]> {
  const from = lookbackFrom(options);
  const rows = await em.getConnection().execute<Row[]>(
    `with exposure as (
       select member_id, type_of_work, fee_region,
              sum(greatest(0, least(coalesce(ends_on, ?::date), ?::date) - greatest(starts_on, ?::date) + 1)) / 365.25 as years
       from casework.protection_period group by member_id, type_of_work, fee_region),
     home as (select distinct on (member_id) member_id, type_of_work, fee_region from exposure where years > 0 order by member_id, years desc, type_of_work),
     member_years as (select member_id, sum(years) as years from exposure group by member_id),
     counted as (select member_id, count(*)::int as matters from casework.medico_legal_matter where opened_on between ?::date and ?::date group by member_id),
     members as (
       select h.member_id, h.type_of_work, h.fee_region, y.years::float8 as years, coalesce(c.matters, 0) as matters
       from home h join member_years y using (member_id) left join counted c using (member_id)),
     regional as (select type_of_work, fee_region, count(*)::int as n, sum(matters)::int as m, sum(years)::float8 as y from members group by 1, 2),
     national as (select type_of_work, count(*)::int as n, sum(matters)::int as m, sum(years)::float8 as y from members group by 1)
     select m.*, r.n as regional_members, r.m as regional_matters, r.y as regional_years,
            n.n as national_members, n.m as national_matters, n.y as national_years
     from members m join regional r using (type_of_work, fee_region) join national n using (type_of_work)
     where case when ?::uuid is null then m.matters > 0 else m.member_id = ?::uuid end`,
    [options.asOf, options.asOf, from, from, options.asOf, memberId, memberId],
    'all',
    // Inside a caller's transaction, on its connection (its snapshot), not another pooled one.
    em.getTransactionContext(),
  );
  const compared: Candidate[] = [];
  // The member sees their peers' aggregates (their explanation): never of fewer others than a published cell.
  const minimum = Math.max(options.minimumPeerMembers, MINIMUM_CELL_SIZE_FLOOR + 1);
  for (const row of rows) {
    const regional = row.regional_members >= minimum;
    const peerMembers = regional ? row.regional_members : row.national_members;
    if (peerMembers < minimum) continue; // too few peers to say what is usual
    // The peer rate leaves the member out, so that a very high count does not raise its own yardstick.
    const peerMatters = (regional ? row.regional_matters : row.national_matters) - row.matters;
    const peerYears = (regional ? row.regional_years : row.national_years) - row.years;
    if (peerYears <= 0) continue;
    const expected = (peerMatters / peerYears) * row.years;
    const pValue = row.matters === 0 ? 1 : 1 - poissonCdf(row.matters - 1, expected);
    compared.push({
      memberId: row.member_id,
      typeOfWork: row.type_of_work,
      feeRegion: row.fee_region,
      peerRegion: regional ? row.fee_region : 'NATIONAL',
      peerMembers,
      peerMatters,
      peerMemberYears: peerYears,
      memberYears: row.years,
      matters: row.matters,
      expected,
      rateRatio: expected > 0 ? row.matters / expected : null,
      pValue: Math.max(pValue, 0),
      upperControlLimit: poissonQuantile(1 - options.alpha, expected),
      significant: pValue < options.alpha,
    });
  }
  return compared;
}

/**
 * Identification: members whose count is improbable under the peer rate (exact one-sided Poisson
 * test) are candidates, most excess first.
 */
export async function identifyCandidates(em: EntityManager, options: IdentificationOptions): Promise<Candidate[]> {
  const candidates = (await comparisons(em, options, null)).filter((c) => c.significant);
  return candidates.sort((a, b) => b.matters - b.expected - (a.matters - a.expected));
}

/** One member's comparison with their peers as of `options.asOf`, significant or not; null when they had no exposure or too few peers. */
export async function comparisonOf(em: EntityManager, options: IdentificationOptions, memberId: string): Promise<Candidate | null> {
  return (await comparisons(em, options, memberId))[0] ?? null;
}
