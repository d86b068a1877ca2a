import { randomBytes } from 'node:crypto';

/**
 * Exact sampling from the discrete Gaussian (Canonne, Kamath and Steinke, "The Discrete Gaussian
 * for Differential Privacy", 2020): integers only and rational arithmetic only, so that no
 * floating-point artefact of a continuous sampler (Mironov 2012) tells a noisy count's true value.
 * Written here because npm has no maintained JavaScript sampler; the algorithm is the paper's
 * (the one OpenDP and the US Census Bureau run), step for step.
 */

/** Uniform integers below a bound: the only randomness the sampler uses. */
export interface RandomSource {
  below(bound: bigint): bigint;
}

/** Bytes of the operating system's randomness, fetched a block at a time (a release draws tens of thousands). */
let pool = Buffer.alloc(0);
let used = 0;
function systemByte(): number {
  if (used >= pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  return pool[used++];
}

/** The operating system's randomness, by rejection so that every integer below the bound is equally likely. */
export const systemRandom: RandomSource = {
  below(bound) {
    if (bound <= 0n) throw new RangeError('bound must be positive');
    const bits = bound.toString(2).length;
    const mask = (1n << BigInt(bits)) - 1n;
    for (;;) {
      let candidate = 0n;
      for (let i = 0; i < Math.ceil(bits / 8); i++) candidate = (candidate << 8n) | BigInt(systemByte());
      candidate &= mask;
      if (candidate < bound) return candidate;
    }
  },
};

/** A rational number `num / den`, both non-negative, den > 0. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const bernoulli = (random: RandomSource, num: bigint, den: bigint) => random.below(den) < num;

/** True with probability exp(-num/den). */
function bernoulliExp(random: RandomSource, num: bigint, den: bigint): boolean {
  if (num <= den) {
    let k = 1n;
    while (bernoulli(random, num, den * k)) k++;
    return k % 2n === 1n;
  }
  for (let i = 0n; i < num / den; i++) if (!bernoulliExp(random, 1n, 1n)) return false;
  return bernoulliExp(random, num % den, den);
}

/** Discrete Laplace with integer scale t: P(x) proportional to exp(-|x|/t). */
function discreteLaplace(random: RandomSource, t: bigint): bigint {
  for (;;) {
    const u = random.below(t);
    if (!bernoulliExp(random, u, t)) continue;
    let v = 0n;
    while (bernoulliExp(random, 1n, 1n)) v++;
    const x = u + t * v;
    const negative = bernoulli(random, 1n, 2n);
    if (negative && x === 0n) continue;
    return negative ? -x : x;
  }
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/** One draw of the discrete Gaussian centred on 0 with variance parameter sigma² (rational, > 0). */
export function discreteGaussian(variance: Rational, random: RandomSource = systemRandom): number {
  const { num, den } = variance;
  if (num <= 0n || den <= 0n) throw new RangeError('variance must be positive');
  const t = isqrt(num / den) + 1n;
  for (;;) {
    const y = discreteLaplace(random, t);
    const magnitude = y < 0n ? -y : y;
    // Accept with probability exp(-(|y| - sigma²/t)² / (2 sigma²)), in integers.
    const gap = magnitude * t * den - num;
    if (bernoulliExp(random, gap * gap, 2n * num * den * t * t)) return Number(y);
  }
}
