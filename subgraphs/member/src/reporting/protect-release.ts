import { discreteGaussian, systemRandom, type Rational, type RandomSource } from './discrete-gaussian.js';
import type { EdiDimension } from './edi-dimensions.js';
import { cellKey, cellsOf, dimensionValues, EDI_RELEASE_TABLES, type ReleaseTable } from './edi-release-tables.js';

/** One published cell: its values (one per dimension of its table) and its noisy count, null when under the minimum. */
export interface PublishedCell {
  values: string[];
  count: number | null;
}

export interface PublishedTable {
  table: ReleaseTable;
  cells: PublishedCell[];
}

export interface ProtectionOptions {
  minimumCellSize: number;
  /** The noise variance of every cell (noiseVariance in privacy-loss.ts). */
  variance: Rational;
  random?: RandomSource;
  /** The release's tables and their dimensions' values: the declared ones unless a test narrows them. */
  tables?: readonly ReleaseTable[];
  valuesOf?: (dimension: EdiDimension) => readonly string[];
}

/**
 * The published release from the true counts (by table key, then by cell key; a cell absent is
 * an empty one). Every cell of every table, empty ones included, gets its own draw of discrete
 * Gaussian noise: an empty cell looks like a small one, so no published zero tells an attacker
 * where nobody is. A noisy count under the minimum cell size is published as suppressed and a
 * noisy count is never below it, so nothing under the policy's threshold is ever printed; both
 * are decided from the noisy count alone (post-processing keeps the guarantee). The true counts
 * go no further than this function.
 */
export function protectRelease(trueCounts: ReadonlyMap<string, ReadonlyMap<string, number>>, options: ProtectionOptions): PublishedTable[] {
  const random = options.random ?? systemRandom;
  return (options.tables ?? EDI_RELEASE_TABLES).map((table) => {
    const counts = trueCounts.get(table.key);
    return {
      table,
      cells: cellsOf(table, options.valuesOf ?? dimensionValues).map((values) => {
        const noisy = (counts?.get(cellKey(values)) ?? 0) + discreteGaussian(options.variance, random);
        return { values, count: noisy >= options.minimumCellSize ? noisy : null };
      }),
    };
  });
}
