import type { Quarter } from '../../src/domain/survey-calendar.js';
import { SurveyedService } from '../../src/domain/surveyed-service.js';
import type { SurveyCounts } from '../../src/reporting/survey-figures.js';
import { partitionQuarter, publishable, publishResults, type Grouping, type QuarterCounts } from '../../src/reporting/survey-suppression.js';

const MIN = 10;
const QUARTERS: Quarter[] = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
const REGIONS = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT', 'NONE'];
const GROUPINGS: Grouping[][] = [[], ['QUARTER'], ['REGION'], ['QUARTER', 'REGION']];

/** A small deterministic generator (mulberry32), so that every run tries the same populations. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A population like a small organisation's: a few large provinces, many small ones, some empty. */
function population(seed: number): Map<Quarter, QuarterCounts> {
  const random = generator(seed);
  const sizes: Record<string, number> = { ON: 14, QC: 10, BC: 6, AB: 5 };
  return new Map(
    QUARTERS.map((q) => [
      q,
      new Map(
        REGIONS.map((r) => {
          const respondents = Math.floor(random() * 2 * (sizes[r] ?? 1.5));
          const severeBefore = Math.floor(random() * (respondents + 1));
          return [r, { respondents, satisfied: Math.floor(random() * (respondents + 1)), severeBefore, severeAfter: Math.floor(random() * (severeBefore + 1)) } satisfies SurveyCounts];
        }),
      ),
    ]),
  );
}

const cellIndex = (q: Quarter, r: string) => QUARTERS.indexOf(q) * REGIONS.length + REGIONS.indexOf(r);

/** Every figure a caller can obtain: each range of quarters (differencing over time), each grouping, as the base cells it sums. */
function everyPublishedCell(service: SurveyedService, data: Map<Quarter, QuarterCounts>): number[][] {
  const rows: number[][] = [];
  const row = (quarters: readonly Quarter[], regions: readonly string[]) => {
    const v = new Array<number>(QUARTERS.length * REGIONS.length).fill(0);
    for (const q of quarters) for (const r of regions) v[cellIndex(q, r)] = 1;
    return v;
  };
  for (let i = 0; i < QUARTERS.length; i++) {
    for (let j = i; j < QUARTERS.length; j++) {
      const range = new Map(QUARTERS.slice(i, j + 1).map((q) => [q, data.get(q)!]));
      for (const groupBy of GROUPINGS) {
        const published = publishResults(service, range, groupBy, MIN);
        const kept = QUARTERS.slice(i, j + 1).filter((q) => !published.withheldQuarters.includes(q));
        if (published.totals) rows.push(row(kept, REGIONS));
        for (const cell of published.cells) if (cell.counts) rows.push(row(cell.quarter ? [cell.quarter] : kept, cell.regions.length ? cell.regions : REGIONS));
      }
    }
  }
  return rows;
}

/**
 * The attacker's algebra: the published figures' rows reduced once (Gaussian elimination; 0/1 rows,
 * exact enough in floating point), then whether a target is a linear combination of them.
 */
function spanOf(rows: number[][]): (target: number[]) => boolean {
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (v: number[]) => {
    const r = [...v];
    for (const b of basis)
      if (Math.abs(r[b.pivot]) > 1e-9) {
        const f = r[b.pivot] / b.row[b.pivot];
        for (let k = 0; k < r.length; k++) r[k] -= f * b.row[k];
      }
    return r;
  };
  for (const key of new Set(rows.map((r) => r.join('')))) {
    const r = reduce([...key].map(Number));
    const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot >= 0) basis.push({ pivot, row: r });
  }
  return (target) => reduce(target).every((x) => Math.abs(x) < 1e-9);
}

describe('suppression of small cells in survey results', () => {
  it('stands a region alone only when publishable, pools the rest, and grows the pool until it is publishable', () => {
    const counts = new Map([
      ['ON', { respondents: 30, satisfied: 28, severeBefore: 14, severeAfter: 4 }],
      ['QC', { respondents: 12, satisfied: 11, severeBefore: 11, severeAfter: 3 }],
      ['PE', { respondents: 2, satisfied: 2, severeBefore: 1, severeAfter: 0 }],
    ]);
    // PE alone is 2: the pool must take QC too, or ON's total less QC would give PE.
    expect(partitionQuarter(SurveyedService.ADVICE_CALL, counts, MIN)).toEqual({ withheld: false, separate: ['ON'], pooled: ['PE', 'QC'] });
    expect(partitionQuarter(SurveyedService.ADVICE_CALL, new Map([['PE', { respondents: 9, satisfied: 9, severeBefore: 9, severeAfter: 0 }]]), MIN)).toEqual({ withheld: true });
  });

  it('needs as many members severe before as respondents for an advice-call cell, not for an event', () => {
    const cell = { respondents: 25, satisfied: 24, severeBefore: 6, severeAfter: 1 };
    expect(publishable(SurveyedService.ADVICE_CALL, cell, MIN)).toBe(false);
    expect(publishable(SurveyedService.EDUCATION_EVENT, cell, MIN)).toBe(true);
  });

  it('never publishes a figure over fewer than the minimum, whatever the grouping and range', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const data = population(seed);
      for (const service of [SurveyedService.ADVICE_CALL, SurveyedService.EDUCATION_EVENT]) {
        for (let i = 0; i < QUARTERS.length; i++) {
          const range = new Map(QUARTERS.slice(i).map((q) => [q, data.get(q)!]));
          for (const groupBy of GROUPINGS) {
            const published = publishResults(service, range, groupBy, MIN);
            for (const counts of [published.totals, ...published.cells.map((c) => c.counts)]) if (counts) expect(publishable(service, counts, MIN)).toBe(true);
          }
        }
      }
    }
  });

  it('lets no combination of published figures (overlapping periods, totals less groups) pin a cell that was not published alone', () => {
    let attacked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const data = population(seed);
      for (const service of [SurveyedService.ADVICE_CALL, SurveyedService.EDUCATION_EVENT]) {
        const inSpan = spanOf(everyPublishedCell(service, data));
        for (const quarter of QUARTERS) {
          const partition = partitionQuarter(service, data.get(quarter)!, MIN);
          for (const region of REGIONS) {
            const counts = data.get(quarter)!.get(region)!;
            const alone = !partition.withheld && partition.separate.includes(region);
            if (alone || counts.respondents === 0) continue;
            const target = new Array<number>(QUARTERS.length * REGIONS.length).fill(0);
            target[cellIndex(quarter, region)] = 1;
            expect(inSpan(target)).toBe(false);
            attacked++;
          }
        }
      }
    }
    expect(attacked).toBeGreaterThan(500);
  });

  it('answers totals less the regions shown with the pooled regions, and a year less three quarters with the fourth as published', () => {
    const data = population(7);
    const year = new Map(QUARTERS.slice(0, 4).map((q) => [q, data.get(q)!]));
    const byRegion = publishResults(SurveyedService.EDUCATION_EVENT, year, ['REGION'], MIN);
    const shown = byRegion.cells.filter((c) => c.region !== null).reduce((n, c) => n + c.counts!.respondents, 0);
    const pooled = byRegion.cells.find((c) => c.region === null);
    expect(byRegion.totals!.respondents - shown).toBe(pooled?.counts?.respondents ?? 0);
    if (pooled) expect(pooled.counts!.respondents).toBeGreaterThanOrEqual(MIN);
  });
});
