import type { RandomSource } from '../../src/reporting/discrete-gaussian.js';

/** Deterministic 32-bit words (mulberry32): the same sequence for the same seed. */
export function seededWords(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * A deterministic RandomSource (mulberry32 words, rejection for the bound) so that statistical
 * tests draw the same noise on every run: they either pass or fail, never flake.
 */
export function seededRandom(seed: number): RandomSource {
  const next = seededWords(seed);
  const word = () => BigInt(next());
  return {
    below(bound) {
      const bits = bound.toString(2).length;
      const words = Math.ceil(bits / 32);
      const mask = (1n << BigInt(bits)) - 1n;
      for (;;) {
        let candidate = 0n;
        for (let i = 0; i < words; i++) candidate = (candidate << 32n) | word();
        candidate &= mask;
        if (candidate < bound) return candidate;
      }
    },
  };
}
