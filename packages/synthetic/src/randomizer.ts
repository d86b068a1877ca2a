import type { Randomizer } from '@faker-js/faker';

// Faker's own Mersenne Twister, seeded the same way and drawing the same numbers, but quicker to
// reseed: the generator reseeds twice per member and domain, and faker's reseed rebuilds the
// fixed init_genrand(19650218) state from scratch in a plain array each time — over half of the
// time it took to produce a member. Here that state is computed once and copied into typed arrays.
// Every use of the state is a 32-bit bitwise operation, so keeping it as Int32 changes no draw
// (the synthetic package's test compares the output with faker's own randomizer).

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX = 0x9908b0df;

function initGenrand(s: number): Int32Array {
  const mt = new Int32Array(N);
  mt[0] = s;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = Math.imul(1812433253, prev) + i;
  }
  return mt;
}

const BY_ARRAY_BASE = initGenrand(19650218);

function initByArray(key: readonly number[], mt: Int32Array): void {
  mt.set(BY_ARRAY_BASE);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k !== 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = Math.trunc((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j);
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k !== 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = Math.trunc((mt[i] ^ Math.imul(prev, 1566083941)) - i);
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = UPPER;
}

function twist(mt: Int32Array): void {
  let k = 0;
  for (; k < N - M; k++) {
    const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
    mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX);
  }
  for (; k < N - 1; k++) {
    const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
    mt[k] = mt[k + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX);
  }
  const y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
  mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX);
}

/** A drop-in for faker's `generateMersenne53Randomizer()`: same seeds, same numbers, cheaper `seed`. */
export function fastMersenne53Randomizer(): Randomizer {
  const mt = new Int32Array(N);
  let index = N;
  const nextU32 = () => {
    if (index >= N) {
      twist(mt);
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
  const randomizer: Randomizer = {
    next: () => ((nextU32() >>> 5) * 67108864 + (nextU32() >>> 6)) * (1 / 9007199254740992),
    seed: (seed: number | number[]) => {
      if (typeof seed === 'number') mt.set(initGenrand(seed));
      else initByArray(seed, mt);
      twist(mt);
      index = 0;
    },
  };
  randomizer.seed(Date.now());
  return randomizer;
}
