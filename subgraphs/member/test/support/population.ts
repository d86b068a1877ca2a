import { EDI_ANSWERS, EdiDimension } from '../../src/reporting/edi-dimensions.js';
import { cellKey, type ReleaseTable } from '../../src/reporting/edi-release-tables.js';
import type { TrueCounts } from '../../src/reporting/release-counts.js';
import { seededWords } from './seeded-random.js';

/** One respondent: a value for every dimension. */
export type Respondent = Record<EdiDimension, string>;

/** A small catalogue of provinces and specialties, so that the attacker's programs stay small. */
export const SMALL_CATALOGUE: Partial<Record<EdiDimension, readonly string[]>> = {
  PROVINCE: ['ON', 'QC', 'NS'],
  SPECIALTY: ['FAMILY_MEDICINE', 'PSYCHIATRY', 'RESIDENT'],
};
export const smallValuesOf = (d: EdiDimension): readonly string[] => SMALL_CATALOGUE[d] ?? EDI_ANSWERS[d]!;

/** Skewed like real answers: the first value common, the rest rare (small cells to hide). */
export function population(size: number, seed: number): Respondent[] {
  const word = seededWords(seed);
  const uniform = () => word() / 2 ** 32;
  const pick = (values: readonly string[]) => (uniform() < 0.7 ? values[0] : values[Math.floor(uniform() * values.length)]);
  return Array.from({ length: size }, () => Object.fromEntries(Object.values(EdiDimension).map((d) => [d, pick(smallValuesOf(d))])) as Respondent);
}

/** What countRelease computes in SQL, for a population in memory. */
export function countPopulation(people: readonly Respondent[], tables: readonly ReleaseTable[]): TrueCounts {
  const counts: TrueCounts = new Map(tables.map((t) => [t.key, new Map<string, number>()]));
  for (const person of people) {
    for (const table of tables) {
      const key = cellKey(table.dimensions.map((d) => person[d]));
      const cells = counts.get(table.key)!;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
