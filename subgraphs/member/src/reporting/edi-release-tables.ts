import { Province } from '@mutual-graph/platform';
import { SPECIALTIES } from '@mutual-graph/domain-codes';
import { EDI_ANSWERS, EdiDimension } from './edi-dimensions.js';

/** One table a release publishes: its dimensions, in the order EdiDimension declares them. */
export interface ReleaseTable {
  /** The dimensions joined by `+`, e.g. `GENDER_IDENTITY+PROVINCE`: how the table is stored and named. */
  key: string;
  dimensions: readonly EdiDimension[];
}

const QUESTIONS = [EdiDimension.GENDER_IDENTITY, EdiDimension.INDIGENOUS_IDENTITY, EdiDimension.RACIALIZED_IDENTITY, EdiDimension.DISABILITY, EdiDimension.SEXUAL_ORIENTATION] as const;
const ORDER = Object.values(EdiDimension);

function table(...dimensions: EdiDimension[]): ReleaseTable {
  const ordered = [...dimensions].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return { key: ordered.join('+'), dimensions: ordered };
}

/**
 * Every table an EDI release publishes, and the only ones `ediSummary` answers: each question
 * alone, by province and by specialty (what the annual EDI report shows), and gender with each
 * other identity question (intersections the report discusses). A filter is a slice of one of
 * these, never a table of its own. Declared once: the noise each cell gets grows with the
 * number of tables (one member counts once in each), so a table is added here or not at all.
 */
export const EDI_RELEASE_TABLES: readonly ReleaseTable[] = [
  ...QUESTIONS.flatMap((q) => [table(q), table(q, EdiDimension.PROVINCE), table(q, EdiDimension.SPECIALTY)]),
  table(EdiDimension.GENDER_IDENTITY, EdiDimension.INDIGENOUS_IDENTITY),
  table(EdiDimension.GENDER_IDENTITY, EdiDimension.RACIALIZED_IDENTITY),
  table(EdiDimension.GENDER_IDENTITY, EdiDimension.DISABILITY),
];

/** The table over exactly these dimensions (in any order), if a release publishes one. */
export function releaseTable(dimensions: readonly EdiDimension[]): ReleaseTable | undefined {
  const key = table(...new Set(dimensions)).key;
  return EDI_RELEASE_TABLES.find((t) => t.key === key);
}

/** Every value a dimension takes, in order, so that a table holds every cell, empty or not. */
export function dimensionValues(dimension: EdiDimension): readonly string[] {
  if (dimension === EdiDimension.PROVINCE) return Object.values(Province);
  if (dimension === EdiDimension.SPECIALTY) return SPECIALTIES;
  return EDI_ANSWERS[dimension]!;
}

/** Every cell of a table (each a list of values, one per dimension), in the dimensions' value order. */
export function cellsOf(table: ReleaseTable, valuesOf: (d: EdiDimension) => readonly string[] = dimensionValues): string[][] {
  let cells: string[][] = [[]];
  for (const dimension of table.dimensions) cells = cells.flatMap((cell) => valuesOf(dimension).map((v) => [...cell, v]));
  return cells;
}

export const cellKey = (values: readonly string[]) => values.join('\u0000');
