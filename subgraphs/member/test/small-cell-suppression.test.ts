import fc from 'fast-check';
import { countCube, keyOf, suppress, type Cube } from '../src/reporting/small-cell-suppression.js';

function cubeOf(values: string[][], counts: number[]): Cube {
  const cube = countCube(values.map((_, i) => `d${i}`), values, []);
  [...cube.counts.keys()].forEach((key, i) => cube.counts.set(key, counts[i]!));
  return cube;
}

/** Every line (all dimensions fixed but one) of the cube, as lists of cell keys. */
function lines(cube: Cube): string[][] {
  const cells = [...cube.counts.keys()].map((k) => k.split('\u0000'));
  return cube.dimensions.flatMap((_, d) => {
    const byLine = new Map<string, string[]>();
    for (const cell of cells) {
      const lineKey = keyOf(cell.filter((_, i) => i !== d));
      byLine.set(lineKey, [...(byLine.get(lineKey) ?? []), keyOf(cell)]);
    }
    return [...byLine.values()];
  });
}

describe('small-cell suppression', () => {
  it('suppresses every non-empty cell under the minimum, and never an empty one for its own sake', () => {
    const cube = cubeOf([['a', 'b', 'c']], [3, 0, 40]);
    const suppressed = suppress(cube, 10);
    expect(suppressed.has('a')).toBe(true);
    expect(suppressed.has('c')).toBe(true); // the complement: otherwise a total would give `a` back
    expect(suppressed.has('b')).toBe(false);
  });

  it('picks the smallest other cell of the line as the complement', () => {
    const cube = cubeOf([['w', 'm', 'n', 'p']], [500, 480, 4, 60]);
    expect([...suppress(cube, 10)].sort()).toEqual(['n', 'p']);
  });

  it('spreads complements across a two-way table until no line holds a single suppressed cell', () => {
    const cube = cubeOf([['x', 'y', 'z'], ['1', '2', '3']], [50, 40, 30, 20, 3, 60, 45, 35, 25]);
    const suppressed = suppress(cube, 10);
    expect(suppressed.has(keyOf(['y', '2']))).toBe(true);
    for (const line of lines(cube)) expect(line.filter((k) => suppressed.has(k)).length).not.toBe(1);
  });

  it('holds for any cube: small cells hidden, no line with exactly one hidden cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((sizes) => {
          const values = sizes.map((n, d) => Array.from({ length: n + 1 }, (_, v) => `${d}:${v}`));
          const cells = values.reduce((total, v) => total * v.length, 1);
          return fc.tuple(fc.constant(values), fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 200 })), { minLength: cells, maxLength: cells }));
        }),
        ([values, counts]) => {
          const cube = cubeOf(values, counts);
          const suppressed = suppress(cube, 10);
          for (const [key, count] of cube.counts) if (count > 0 && count < 10) expect(suppressed.has(key)).toBe(true);
          for (const line of lines(cube)) {
            const hidden = line.filter((k) => suppressed.has(k)).length;
            expect(hidden === 1 && line.length > 1).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the minimum cell size', () => {
  it('is 10 by default; configuration can raise it but never lower it', async () => {
    const { minimumCellSize } = await import('../src/reporting/minimum-cell-size.js');
    expect(minimumCellSize({})).toBe(10);
    expect(minimumCellSize({ EDI_MINIMUM_CELL_SIZE: '25' })).toBe(25);
    expect(minimumCellSize({ EDI_MINIMUM_CELL_SIZE: '3' })).toBe(10);
    expect(minimumCellSize({ EDI_MINIMUM_CELL_SIZE: 'lots' })).toBe(10);
  });
});
