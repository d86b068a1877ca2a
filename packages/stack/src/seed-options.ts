import { DEFAULT_SYNTHETIC_OPTIONS, type SyntheticOptions } from '@mutual-graph/synthetic';
import { stackEnvironment } from './environment.js';

export { MAX_SEED_MEMBERS } from './environment.js';

/** The synthetic population to seed, from SEED_MEMBERS and SEED (null for SEED_MEMBERS=0: seed nothing); a ConfigurationError naming the variable for anything else. */
export function seedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SyntheticOptions | null {
  const { SEED_MEMBERS, SEED } = stackEnvironment(env);
  // A production database must never receive synthetic people, whatever its tables hold.
  if (SEED_MEMBERS === 0) return null;
  return { ...DEFAULT_SYNTHETIC_OPTIONS, members: SEED_MEMBERS, seed: SEED };
}
