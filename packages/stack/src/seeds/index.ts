import type { EntityManager } from '@mikro-orm/postgresql';
import type { SeedPlan } from '../seeding/seed-plan.js';
import { caseAfterSeed, caseSeed } from './case.js';
import { ediSeed } from './edi.js';
import { educationSeed } from './education.js';
import { memberSeed } from './member.js';
import { privacySeed } from './privacy.js';

/**
 * What each database owner's tables hold of the synthetic population (and the content files), by
 * owner name. Seeding is the stack's: no service imports this, so no service loads the generator.
 */
export const SEED_PLANS: Record<string, SeedPlan> = {
  member: memberSeed,
  edi: ediSeed,
  case: caseSeed,
  education: educationSeed,
  privacy: privacySeed,
  // The gateway's audit records are written by the gateway alone, never seeded.
  audit: () => [],
};

/** What a seeded subgraph derives from its data once every owner is loaded, by owner name; idempotent. */
export const AFTER_SEED: Record<string, (em: EntityManager) => Promise<void>> = {
  case: caseAfterSeed,
};
