import { EDI_ANSWERS, EdiDimension } from '../../src/reporting/edi-dimensions.js';
import { discreteGaussian } from '../../src/reporting/discrete-gaussian.js';
import { cellKey, cellsOf, EDI_RELEASE_TABLES } from '../../src/reporting/edi-release-tables.js';
import { asNumber, noiseVariance } from '../../src/reporting/privacy-loss.js';
import { protectRelease, type PublishedTable } from '../../src/reporting/protect-release.js';
import type { TrueCounts } from '../../src/reporting/release-counts.js';
import { attackCubes, feasibleRanges, noiseBound, type FeasibleRange } from '../support/lp-attacker.js';
import { normalCdf } from '../support/normal.js';
import { countPopulation, population, smallValuesOf, type Respondent } from '../support/population.js';
import { seededRandom } from '../support/seeded-random.js';

const MINIMUM = 10;
const VARIANCE = noiseVariance(EDI_RELEASE_TABLES.length);
const SIGMA = Math.sqrt(asNumber(VARIANCE));
const QUESTIONS = [EdiDimension.GENDER_IDENTITY, EdiDimension.INDIGENOUS_IDENTITY, EdiDimension.RACIALIZED_IDENTITY, EdiDimension.DISABILITY, EdiDimension.SEXUAL_ORIENTATION];

const release = (counts: TrueCounts, seed: number) => protectRelease(counts, { minimumCellSize: MINIMUM, variance: VARIANCE, random: seededRandom(seed), valuesOf: smallValuesOf });

/** The old way, as a control: exact counts, every cell under the minimum (but not empty) suppressed. */
function exactRelease(counts: TrueCounts): PublishedTable[] {
  return EDI_RELEASE_TABLES.map((table) => ({
    table,
    cells: cellsOf(table, smallValuesOf).map((values) => {
      const count = counts.get(table.key)?.get(cellKey(values)) ?? 0;
      return { values, count: count > 0 && count < MINIMUM ? null : count };
    }),
  }));
}

async function narrowest(published: PublishedTable[], bound: number): Promise<FeasibleRange> {
  let worst: FeasibleRange | undefined;
  for (const cube of attackCubes(EDI_RELEASE_TABLES)) {
    for (const range of await feasibleRanges(published, cube, { valuesOf: smallValuesOf, minimumCellSize: MINIMUM, bound })) {
      if (!worst || range.high - range.low < worst.high - worst.low) worst = range;
    }
  }
  return worst!;
}

describe('an EDI release against an attacker who combines every table it publishes', () => {
  const people = population(400, 7);
  const counts = countPopulation(people, EDI_RELEASE_TABLES);

  it('leaves every cell of every table a feasible range at least the minimum cell size wide, whichever tables are combined', async () => {
    // The attacker assumes no cell's noise exceeds what happens once in a million cells.
    const bound = noiseBound(asNumber(VARIANCE), 1e-6);
    const worst = await narrowest(release(counts, 1), bound);
    console.log(`noise sd ${SIGMA.toFixed(2)}, attacker's bound ${bound}: narrowest feasible range ${worst.high - worst.low} (${worst.table} ${worst.values.join('/')}: ${worst.low}..${worst.high})`);
    expect(worst.high - worst.low).toBeGreaterThanOrEqual(MINIMUM);
  }, 120_000);

  it('finds cells narrower than the minimum when the noise is too small for it (the check has teeth)', async () => {
    // A standard deviation of 1/2: the attacker's bound is 3, every constraint 6 wide.
    const thin = protectRelease(counts, { minimumCellSize: MINIMUM, variance: { num: 1n, den: 4n }, random: seededRandom(1), valuesOf: smallValuesOf });
    const worst = await narrowest(thin, noiseBound(0.25, 1e-6));
    expect(worst.high - worst.low).toBeLessThan(MINIMUM);
  }, 120_000);

  it('pins cells exactly when counts are published as they are, small cells suppressed (the check has teeth)', async () => {
    const worst = await narrowest(exactRelease(counts), 0);
    expect(worst.high - worst.low).toBeLessThan(MINIMUM);
    expect(worst.high - worst.low).toBe(0);
  }, 120_000);
});

describe('an applicant added between two releases, against an attacker who compares them', () => {
  const people = population(400, 11);
  const before = countPopulation(people, EDI_RELEASE_TABLES);
  const TRIALS = 240;

  /**
   * The attacker knows the applicant's province and specialty (they added them) and, for each
   * question, scores each answer by how much its cells rose from one release to the next in every
   * table with that question and no other unknown: the question alone, by province, by specialty.
   */
  function guess(first: PublishedTable[], second: PublishedTable[], question: EdiDimension, applicant: Respondent): string {
    const rise = (table: string, values: string[]) => {
      const at = (release: PublishedTable[]) => release.find((t) => t.table.key === table)!.cells.find((c) => cellKey(c.values) === cellKey(values))!.count ?? (MINIMUM - 1) / 2;
      return at(second) - at(first);
    };
    const scores = EDI_ANSWERS[question]!.map((answer) => {
      let score = 0;
      for (const { table } of first) {
        if (!table.dimensions.includes(question) || !table.dimensions.every((d) => d === question || d === EdiDimension.PROVINCE || d === EdiDimension.SPECIALTY)) continue;
        score += rise(
          table.key,
          table.dimensions.map((d) => (d === question ? answer : applicant[d])),
        );
      }
      return { answer, score };
    });
    return scores.reduce((best, s) => (s.score > best.score ? s : best)).answer;
  }

  /** The most any attacker can be right on average (answers equally likely), from the release's Gaussian guarantee. */
  function bound(question: EdiDimension): number {
    const k = EDI_ANSWERS[question]!.length;
    const tables = EDI_RELEASE_TABLES.filter((t) => t.dimensions.includes(question)).length;
    // Another answer moves one count down and one up in each of those tables.
    const mu = Math.sqrt(2 * tables) / SIGMA;
    const advantage = 2 * normalCdf(mu / 2) - 1;
    return 1 / k + ((k - 1) / k) * advantage;
  }

  function attack(protect: (counts: TrueCounts, trial: number, which: 0 | 1) => PublishedTable[]): Record<string, number> {
    const right: Record<string, number> = Object.fromEntries(QUESTIONS.map((q) => [q, 0]));
    for (let trial = 0; trial < TRIALS; trial++) {
      // Every answer of every question equally often.
      const applicant = { ...people[trial % people.length] };
      for (const q of QUESTIONS) applicant[q] = EDI_ANSWERS[q]![trial % EDI_ANSWERS[q]!.length]!;
      const after = countPopulation([...people, applicant], EDI_RELEASE_TABLES);
      const first = protect(before, trial, 0);
      const second = protect(after, trial, 1);
      for (const q of QUESTIONS) if (guess(first, second, q, applicant) === applicant[q]) right[q]++;
    }
    return Object.fromEntries(QUESTIONS.map((q) => [q, right[q] / TRIALS]));
  }

  it('reads no answer better than the release guarantee allows', () => {
    const rates = attack((counts, trial, which) => release(counts, 1000 + 2 * trial + which));
    for (const q of QUESTIONS) {
      const limit = bound(q);
      console.log(`${q}: attacker right ${(rates[q] * 100).toFixed(1)}% (chance ${(100 / EDI_ANSWERS[q]!.length).toFixed(1)}%, guarantee ${(limit * 100).toFixed(1)}%)`);
      // Three standard errors of the trials above the guarantee.
      expect(rates[q]).toBeLessThanOrEqual(limit + 3 * Math.sqrt((limit * (1 - limit)) / TRIALS));
    }
  });

  it('reads every answer when counts are published exactly (the check has teeth)', () => {
    const rates = attack((counts) => exactRelease(counts));
    // Rare answers sit in suppressed cells in both releases; the common ones show their +1.
    expect(Math.max(...Object.values(rates))).toBeGreaterThan(0.9);
  });
});

describe('a respondent known to have answered, against an attacker who knows every other respondent', () => {
  // The worst case differential privacy speaks of: the attacker knows everyone else's answers
  // exactly, and that this member answered one of two answers. Their best test (the likelihood
  // ratio: did the member's cells for one answer rise more than for the other, over every table
  // with the question) is right with probability exactly Phi(mu / 2) under Gaussian noise, where
  // mu = sqrt(2 tables) / sigma; suppression can only lower it. The noise of other cells does not
  // enter the test, so only the member's cells are drawn.
  const people = population(2000, 13);
  const others = countPopulation(people, EDI_RELEASE_TABLES);
  const member = Object.fromEntries(Object.values(EdiDimension).map((d) => [d, smallValuesOf(d)[0]])) as Respondent;
  const TRIALS = 1000;

  function accuracy(question: EdiDimension, variance: { num: bigint; den: bigint }, seed: number): number {
    const [a, b] = EDI_ANSWERS[question]!;
    const tables = EDI_RELEASE_TABLES.filter((t) => t.dimensions.includes(question));
    const random = seededRandom(seed);
    let right = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const truth = trial % 2 === 0 ? a : b;
      let score = 0;
      for (const table of tables) {
        for (const [answer, sign] of [
          [a, 1],
          [b, -1],
        ] as const) {
          const key = cellKey(table.dimensions.map((d) => (d === question ? answer : member[d])));
          const known = others.get(table.key)!.get(key) ?? 0;
          const noisy = known + (answer === truth ? 1 : 0) + discreteGaussian(variance, random);
          score += sign * ((noisy >= MINIMUM ? noisy : (MINIMUM - 1) / 2) - known);
        }
      }
      if ((score > 0 ? a : b) === truth) right++;
    }
    return right / TRIALS;
  }

  const optimum = (question: EdiDimension) => normalCdf(Math.sqrt(2 * EDI_RELEASE_TABLES.filter((t) => t.dimensions.includes(question)).length) / SIGMA / 2);
  const limit = (question: EdiDimension) => optimum(question) + 3 * Math.sqrt((optimum(question) * (1 - optimum(question))) / TRIALS);

  it.each(QUESTIONS)('tells which of two answers %s is no better than the guarantee', (question) => {
    const rate = accuracy(question, VARIANCE, 7 + QUESTIONS.indexOf(question));
    console.log(`${question}: right ${(rate * 100).toFixed(1)}% of ${TRIALS} (guarantee ${(optimum(question) * 100).toFixed(1)}%)`);
    expect(rate).toBeLessThanOrEqual(limit(question));
  });

  it.each(QUESTIONS)('tells %s better than the guarantee when the noise is a third of what it should be (the check has teeth)', (question) => {
    expect(accuracy(question, { num: VARIANCE.num, den: VARIANCE.den * 9n }, 17 + QUESTIONS.indexOf(question))).toBeGreaterThan(limit(question));
  });
});
