/**
 * Counts over a cube of dimensions, with small-cell suppression: every cell under the minimum
 * cell size (but not empty) is suppressed, and then, along every line of the cube (all dimensions
 * fixed but one), a line holding exactly one suppressed cell has its smallest other cell
 * suppressed too, until no line does. A line's total, wherever it comes from (a coarser grouping,
 * a wider filter), then never gives back one suppressed cell: at most the sum of two or more.
 */

export interface Cube {
  dimensions: string[];
  /** Every value of each dimension, in order: the cube holds every combination, zero or not. */
  values: string[][];
  /** Count per cell, by cell key (values joined by `\u0000`). */
  counts: Map<string, number>;
}

export const keyOf = (values: readonly string[]) => values.join('\u0000');

export function countCube(dimensions: string[], values: string[][], records: Iterable<string[]>): Cube {
  const counts = new Map<string, number>();
  for (const cell of cartesian(values)) counts.set(keyOf(cell), 0);
  for (const record of records) {
    const key = keyOf(record);
    if (!counts.has(key)) throw new Error(`value outside the cube: ${record.join(', ')}`);
    counts.set(key, counts.get(key)! + 1);
  }
  return { dimensions, values, counts };
}

function* cartesian(values: string[][], prefix: string[] = []): Generator<string[]> {
  if (prefix.length === values.length) {
    yield prefix;
    return;
  }
  for (const value of values[prefix.length]!) yield* cartesian(values, [...prefix, value]);
}

/** The keys of the cells to suppress: primary (0 < n < minimum) and complementary. */
export function suppress(cube: Cube, minimumCellSize: number): Set<string> {
  const suppressed = new Set<string>();
  for (const [key, count] of cube.counts) if (count > 0 && count < minimumCellSize) suppressed.add(key);
  const cells = [...cartesian(cube.values)];
  let changed = true;
  while (changed) {
    changed = false;
    for (let d = 0; d < cube.dimensions.length; d++) {
      // Lines along dimension d: group every cell by its values on the other dimensions.
      const lines = new Map<string, string[]>();
      for (const cell of cells) {
        const lineKey = keyOf(cell.filter((_, i) => i !== d));
        const line = lines.get(lineKey) ?? [];
        line.push(keyOf(cell));
        lines.set(lineKey, line);
      }
      for (const line of lines.values()) {
        if (line.filter((k) => suppressed.has(k)).length !== 1) continue;
        // The smallest other cell hides the suppressed one best; an empty cell only if nothing else is left.
        const candidates = line.filter((k) => !suppressed.has(k)).sort((a, b) => rank(cube, a) - rank(cube, b));
        if (candidates.length === 0) continue;
        suppressed.add(candidates[0]!);
        changed = true;
      }
    }
  }
  return suppressed;
}

const rank = (cube: Cube, key: string) => {
  const count = cube.counts.get(key)!;
  return count === 0 ? Number.MAX_SAFE_INTEGER : count;
};
