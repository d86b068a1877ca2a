import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { seedTableWhenEmpty, type IsolatedStore } from '@mutual-graph/platform';
import { syntheticEdi, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { EdiProfile } from './entities/edi-profile.js';

/** Seeds EDI answers of members whose EDI consent is current, when there are none. */
async function seedEdi(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  const profiles = await seedTableWhenEmpty(em, EdiProfile, function* () {
    for (const member of syntheticMembers(options)) {
      const answers = syntheticEdi(member, options);
      if (answers) yield answers;
    }
  });
  return profiles === undefined ? {} : { edi_profile: profiles };
}

/** The EDI store: its own schema, its own role (mg_edi), its own migrations. */
export const ediStore: IsolatedStore = {
  name: 'edi',
  database: {
    schema: 'edi',
    entities: [EdiProfile],
    migrationsPath: fileURLToPath(new URL('./migrations-edi', import.meta.url)),
  },
  seed: seedEdi,
};
