import { EdiDimension } from '../../src/reporting/edi-dimensions.js';
import { cellsOf, EDI_RELEASE_TABLES, releaseTable } from '../../src/reporting/edi-release-tables.js';
import { epsilonFor, noiseVariance, RELEASE_RHO, YEARLY_RHO_BUDGET } from '../../src/reporting/privacy-loss.js';
import { protectRelease } from '../../src/reporting/protect-release.js';
import { minimumCellSize } from '../../src/reporting/minimum-cell-size.js';
import { budgetState } from '../../src/reporting/release-publication.js';
import { seededRandom } from '../support/seeded-random.js';

const DAY = 24 * 3600 * 1000;
const spend = (daysAgo: number, now: Date) => ({ publishedAt: new Date(now.getTime() - daysAgo * DAY), rhoNumerator: Number(RELEASE_RHO.num), rhoDenominator: Number(RELEASE_RHO.den) });

describe('the tables a release publishes', () => {
  it('finds a table by its dimensions in any order, and no table that is not declared', () => {
    expect(releaseTable([EdiDimension.PROVINCE, EdiDimension.GENDER_IDENTITY])?.key).toBe('GENDER_IDENTITY+PROVINCE');
    expect(releaseTable([EdiDimension.GENDER_IDENTITY, EdiDimension.PROVINCE, EdiDimension.SPECIALTY])).toBeUndefined();
    expect(releaseTable([EdiDimension.PROVINCE])).toBeUndefined();
  });

  it('gives each cell noise of variance tables / (2 rho): 72 for 18 tables at rho 1/8', () => {
    expect(EDI_RELEASE_TABLES).toHaveLength(18);
    expect(noiseVariance(18)).toEqual({ num: 144n, den: 2n });
    // The guarantee in epsilon at delta 1e-6, as releases report it.
    expect(epsilonFor(0.125, 1e-6)).toBeCloseTo(2.75, 2);
  });
});

describe('protecting a release', () => {
  const table = releaseTable([EdiDimension.DISABILITY])!;
  const counts = new Map([
    [
      table.key,
      new Map([
        ['NO', 500],
        ['YES', 3],
      ]),
    ],
  ]);

  it('publishes every cell, empty ones too, never a count under the minimum, and a different noise each release', () => {
    const releases = Array.from({ length: 50 }, (_, i) => protectRelease(counts, { minimumCellSize: 10, variance: { num: 36n, den: 1n }, random: seededRandom(i), tables: [table] })[0]);
    for (const release of releases) {
      expect(release.cells.map((c) => c.values)).toEqual(cellsOf(table));
      for (const cell of release.cells) if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(10);
    }
    const no = releases.map((r) => r.cells.find((c) => c.values[0] === 'NO')!.count!);
    // The large cell is published every time, and not always as it is.
    expect(new Set(no).size).toBeGreaterThan(5);
  });
});

describe('the privacy budget over any 365 days', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('allows four releases a year at rho 1/8 each within a budget of 1/2', () => {
    expect(Number(YEARLY_RHO_BUDGET.num) / Number(YEARLY_RHO_BUDGET.den)).toBe(0.5);
    expect(budgetState([], now)).toMatchObject({ spent: 0, releasesPossible: 4, nextReleaseFrom: now });
    expect(budgetState([spend(10, now), spend(5, now)], now)).toMatchObject({ spent: 0.25, releasesPossible: 2 });
  });

  it('refuses a fifth release within the year, and says when the oldest stops counting', () => {
    const state = budgetState([spend(300, now), spend(200, now), spend(100, now), spend(1, now)], now);
    expect(state).toMatchObject({ spent: 0.5, releasesPossible: 0 });
    expect(state.nextReleaseFrom).toEqual(new Date(now.getTime() + 65 * DAY));
  });

  it('no longer counts a release published a year ago or more', () => {
    expect(budgetState([spend(365, now), spend(400, now), spend(2, now)], now, 0.375)).toMatchObject({ spent: 0.125, spentInTotal: 0.375, releasesPossible: 3 });
  });
});

describe('the minimum cell size', () => {
  it.each([
    [undefined, 10],
    ['5', 10],
    ['0', 10],
    ['-20', 10],
    ['10.5', 10],
    ['ten', 10],
    ['12', 12],
  ])('is never below 10 (EDI_MINIMUM_CELL_SIZE=%s gives %i)', (configured, expected) => {
    expect(minimumCellSize(configured === undefined ? {} : { EDI_MINIMUM_CELL_SIZE: configured })).toBe(expected);
  });
});
