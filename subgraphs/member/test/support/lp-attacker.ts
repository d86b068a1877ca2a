import highs from 'highs';
import type { EdiDimension } from '../../src/reporting/edi-dimensions.js';
import { cellKey, cellsOf, type ReleaseTable } from '../../src/reporting/edi-release-tables.js';
import type { PublishedTable } from '../../src/reporting/protect-release.js';

// highs types an ES module's default export but ships it in a CommonJS package, so TypeScript sees the
// loader one level down ("masquerading as CommonJS"); Node imports build/highs.mjs, whose default is the loader.
const highsLoader = highs as unknown as typeof highs.default;

/** What the attacker knows of the mechanism: published counts are within `bound` of the truth, suppressed ones under `minimum`. */
export interface AttackerKnowledge {
  valuesOf: (dimension: EdiDimension) => readonly string[];
  minimumCellSize: number;
  /** The largest noise the attacker allows for (0: they take the counts as exact). */
  bound: number;
}

export interface FeasibleRange {
  table: string;
  values: string[];
  low: number;
  high: number;
}

/**
 * Every set of dimensions an attacker can reconstruct jointly: the union of two published tables
 * when it has at most three dimensions (the shape of the attack that beat per-query suppression:
 * each cube of three dimensions with every table inside it), keeping only the largest.
 */
export function attackCubes(tables: readonly ReleaseTable[]): EdiDimension[][] {
  const unions = new Map<string, EdiDimension[]>();
  for (const a of tables)
    for (const b of tables) {
      const union = [...new Set([...a.dimensions, ...b.dimensions])].sort();
      if (union.length <= 3) unions.set(union.join('+'), union);
    }
  const all = [...unions.values()];
  return all.filter((u) => !all.some((v) => v.length > u.length && u.every((d) => v.includes(d))));
}

/**
 * The attacker's linear program over one cube: a non-negative unknown per cell of the cube, and
 * for every published cell of every table inside the cube, its sum bounded by what was published.
 * For each of those cells, minimise and maximise its sum: the range of counts consistent with
 * everything published, rounded inwards to whole numbers (counts are integers).
 */
export async function feasibleRanges(published: readonly PublishedTable[], cube: EdiDimension[], knowledge: AttackerKnowledge): Promise<FeasibleRange[]> {
  const solver = await highsLoader();
  const cubeTable: ReleaseTable = { key: cube.join('+'), dimensions: cube };
  const unknowns = cellsOf(cubeTable, knowledge.valuesOf);
  const inside = published.filter((t) => t.table.dimensions.every((d) => cube.includes(d)));
  // Each published cell is the sum of the cube's cells that agree with it on its table's dimensions.
  const rows: { table: string; values: string[]; members: number[]; lower: number; upper: number }[] = [];
  for (const { table, cells } of inside) {
    const project = (cell: string[]) => cellKey(table.dimensions.map((d) => cell[cube.indexOf(d)]));
    const byCell = new Map<string, number[]>();
    unknowns.forEach((cell, i) => {
      const key = project(cell);
      byCell.set(key, [...(byCell.get(key) ?? []), i]);
    });
    for (const cell of cells) {
      const upper = cell.count === null ? knowledge.minimumCellSize - 1 + knowledge.bound : cell.count + knowledge.bound;
      const lower = cell.count === null ? 0 : Math.max(0, cell.count - knowledge.bound);
      rows.push({ table: table.key, values: cell.values, members: byCell.get(cellKey(cell.values))!, lower, upper });
    }
  }
  const starts = [0];
  const indices: number[] = [];
  for (const row of rows) {
    indices.push(...row.members);
    starts.push(indices.length);
  }
  const model = solver.createModel({
    numCols: unknowns.length,
    numRows: rows.length,
    colCost: new Array(unknowns.length).fill(0),
    colLower: new Array(unknowns.length).fill(0),
    colUpper: new Array(unknowns.length).fill(Infinity),
    rowLower: rows.map((r) => r.lower),
    rowUpper: rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: rows.length, numCols: unknowns.length, starts, indices, values: indices.map(() => 1) },
  });
  model.options.set('output_flag', false);
  try {
    const solve = (row: (typeof rows)[number], sense: 'minimize' | 'maximize') => {
      const costs = new Array(unknowns.length).fill(0);
      for (const i of row.members) costs[i] = 1;
      model.changeColsCost({ kind: 'range', from: 0, to: unknowns.length - 1 }, costs);
      model.changeObjectiveSense(solver.constants.objectiveSense[sense]);
      model.run();
      if (model.getModelStatus() !== solver.constants.modelStatus.optimal)
        throw new Error(`the attacker's program is not solved (${model.getModelStatus()}): the published release contradicts the bound`);
      return model.getObjectiveValue();
    };
    return rows.map((row) => ({ table: row.table, values: row.values, low: Math.ceil(solve(row, 'minimize') - 1e-6), high: Math.floor(solve(row, 'maximize') + 1e-6) }));
  } finally {
    model.dispose();
  }
}

/** The smallest bound B with P(|noise| > B) at most `tail` for the discrete Gaussian of this variance. */
export function noiseBound(variance: number, tail: number): number {
  const weight = (k: number) => Math.exp((-k * k) / (2 * variance));
  let total = 1;
  for (let k = 1; k < 100 * Math.sqrt(variance); k++) total += 2 * weight(k);
  let outside = 1 - 1 / total;
  let b = 0;
  while (outside > tail) {
    b++;
    outside -= (2 * weight(b)) / total;
  }
  return b;
}
