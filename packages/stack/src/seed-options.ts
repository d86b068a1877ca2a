import { DEFAULT_SYNTHETIC_OPTIONS, type SyntheticOptions } from '@mutual-graph/synthetic';

export const MAX_SEED_MEMBERS = 1_000_000;

/** The synthetic population to seed, from SEED_MEMBERS and SEED; a clear error for anything else. */
export function seedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SyntheticOptions {
  const members = env.SEED_MEMBERS ? Number(env.SEED_MEMBERS) : DEFAULT_SYNTHETIC_OPTIONS.members;
  if (!Number.isInteger(members) || members < 1 || members > MAX_SEED_MEMBERS) {
    throw new Error(`SEED_MEMBERS must be a whole number from 1 to ${MAX_SEED_MEMBERS}, not "${env.SEED_MEMBERS}"`);
  }
  const seed = env.SEED ? Number(env.SEED) : DEFAULT_SYNTHETIC_OPTIONS.seed;
  if (!Number.isSafeInteger(seed)) throw new Error(`SEED must be a whole number, not "${env.SEED}"`);
  return { ...DEFAULT_SYNTHETIC_OPTIONS, members, seed };
}
