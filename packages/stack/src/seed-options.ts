import { DEFAULT_SYNTHETIC_OPTIONS, type SyntheticOptions } from '@mutual-graph/synthetic';
import { stackEnvironment } from './environment.js';

export { MAX_SEED_MEMBERS } from './environment.js';

/** The synthetic population to seed, from SEED_MEMBERS and SEED; a ConfigurationError naming the variable for anything else. */
export function seedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SyntheticOptions {
  const { SEED_MEMBERS, SEED } = stackEnvironment(env);
  return { ...DEFAULT_SYNTHETIC_OPTIONS, members: SEED_MEMBERS, seed: SEED };
}
