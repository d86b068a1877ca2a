export interface SyntheticOptions {
  /** Same seed, same rows. */
  seed: number;
  /** Population size: 2,000 by default, up to 1,000,000 for benchmarks. */
  members: number;
  /** The data set's "today": fixed, so that a seed gives the same rows on any day it is run. */
  asOf: string;
}

export const DEFAULT_SYNTHETIC_OPTIONS: SyntheticOptions = { seed: 1_867, members: 2_000, asOf: '2026-10-31' };
