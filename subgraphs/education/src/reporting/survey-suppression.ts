import type { Quarter } from '../domain/survey-calendar.js';
import { SurveyedService } from '../domain/surveyed-service.js';
import { add, NO_COUNTS, total, type SurveyCounts } from './survey-figures.js';

/** A region a cell counts in: a province, or NONE for a member whose province of practice was not known. */
export type Region = string;
export const NO_REGION: Region = 'NONE';

/** One quarter's true counts by region (respondents' province of practice when surveyed). */
export type QuarterCounts = ReadonlyMap<Region, SurveyCounts>;

/**
 * How a quarter is published: the regions shown on their own, and the rest pooled as one cell
 * ("other regions"), each of them at least the minimum; or withheld whole when even the
 * quarter together is not.
 */
export type QuarterPartition = { withheld: true } | { withheld: false; separate: Region[]; pooled: Region[] };

/**
 * A cell may be published when at least `minimum` members answered and, for advice calls, at least
 * `minimum` of them were severely stressed before (so the reduction rests on as many people as
 * every other figure).
 */
export function publishable(service: SurveyedService, c: SurveyCounts, minimum: number): boolean {
  return c.respondents >= minimum && (service !== SurveyedService.ADVICE_CALL || c.severeBefore >= minimum);
}

/**
 * The quarter's atoms: every region that is publishable alone stands alone; the others are pooled,
 * and while the pool is not publishable the smallest standing region joins it (otherwise the
 * quarter's total minus the regions shown would be the pool). A quarter whose pool takes every
 * region and is still not publishable is withheld. Every figure the graph publishes is a sum of
 * whole atoms of closed quarters, so any difference of published figures is itself a sum of whole
 * atoms, never less than the minimum: a small cell cannot be recovered by subtraction.
 */
export function partitionQuarter(service: SurveyedService, counts: QuarterCounts, minimum: number): QuarterPartition {
  const regions = [...counts.entries()].filter(([, c]) => c.respondents > 0);
  if (regions.length === 0) return { withheld: true };
  const separate = regions.filter(([region, c]) => region !== NO_REGION && publishable(service, c, minimum));
  // Largest first, ties by name, so the smallest to join the pool is the last.
  separate.sort(([ra, a], [rb, b]) => b.respondents - a.respondents || ra.localeCompare(rb));
  const pooled = regions.filter(([region]) => !separate.some(([s]) => s === region));
  let pool = total(pooled.map(([, c]) => c));
  while (pooled.length > 0 && !publishable(service, pool, minimum) && separate.length > 0) {
    const joining = separate.pop()!;
    pooled.push(joining);
    pool = add(pool, joining[1]);
  }
  if (pooled.length > 0 && !publishable(service, pool, minimum)) return { withheld: true };
  return { withheld: false, separate: separate.map(([r]) => r).sort(), pooled: pooled.map(([r]) => r).sort() };
}

/** What a published cell covers: the quarters and regions whose counts it sums. */
export interface PublishedCell {
  quarter: Quarter | null;
  /** A region shown alone, or null for the pooled "other regions". */
  region: Region | null;
  /** The regions the cell sums (one, or those pooled). */
  regions: Region[];
  /** Null when withheld. */
  counts: SurveyCounts | null;
}

export type Grouping = 'QUARTER' | 'REGION';

export interface PublishedResults {
  /** Over every closed quarter asked for that is not withheld. */
  totals: SurveyCounts | null;
  /** The quarters asked for that are withheld whole (not counted in anything). */
  withheldQuarters: Quarter[];
  cells: PublishedCell[];
}

/**
 * The results over some closed quarters, grouped by quarter, region, both or neither, from their
 * partitions. By region over several quarters, a region stands alone only where it stands alone in
 * every one of them (its cell is then a sum of its own atoms); elsewhere it is pooled in every one,
 * so "other regions" too is a sum of whole atoms.
 */
export function publishResults(service: SurveyedService, quarters: ReadonlyMap<Quarter, QuarterCounts>, groupBy: readonly Grouping[], minimum: number): PublishedResults {
  const kept: { quarter: Quarter; counts: QuarterCounts; partition: Extract<QuarterPartition, { withheld: false }> }[] = [];
  const withheldQuarters: Quarter[] = [];
  for (const [quarter, counts] of [...quarters.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const partition = partitionQuarter(service, counts, minimum);
    if (partition.withheld) withheldQuarters.push(quarter);
    else kept.push({ quarter, counts, partition });
  }
  const sum = (counts: QuarterCounts, regions: readonly Region[]) => total(regions.map((r) => counts.get(r) ?? NO_COUNTS));
  const allRegions = (counts: QuarterCounts) => [...counts.keys()];
  const byQuarter = groupBy.includes('QUARTER');
  const byRegion = groupBy.includes('REGION');
  const totals = kept.length === 0 ? null : total(kept.map(({ counts }) => sum(counts, allRegions(counts))));
  const cells: PublishedCell[] = [];

  if (byQuarter) {
    for (const quarter of [...quarters.keys()].sort()) {
      const entry = kept.find((k) => k.quarter === quarter);
      if (!entry) {
        cells.push({ quarter, region: null, regions: [], counts: null });
        continue;
      }
      if (!byRegion) {
        cells.push({ quarter, region: null, regions: allRegions(entry.counts).sort(), counts: sum(entry.counts, allRegions(entry.counts)) });
        continue;
      }
      for (const region of entry.partition.separate) cells.push({ quarter, region, regions: [region], counts: sum(entry.counts, [region]) });
      if (entry.partition.pooled.length > 0) cells.push({ quarter, region: null, regions: entry.partition.pooled, counts: sum(entry.counts, entry.partition.pooled) });
    }
  } else if (byRegion && kept.length > 0) {
    const standing = kept.map((k) => k.partition.separate).reduce((a, b) => a.filter((r) => b.includes(r)));
    for (const region of standing) cells.push({ quarter: null, region, regions: [region], counts: total(kept.map(({ counts }) => sum(counts, [region]))) });
    const others = [...new Set(kept.flatMap(({ counts }) => allRegions(counts)))].filter((r) => !standing.includes(r)).sort();
    const pooled = total(
      kept.map(({ counts }) =>
        sum(
          counts,
          others.filter((r) => !standing.includes(r)),
        ),
      ),
    );
    if (pooled.respondents > 0) cells.push({ quarter: null, region: null, regions: others, counts: pooled });
  }
  return { totals, withheldQuarters, cells };
}
