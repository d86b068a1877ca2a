import { fileURLToPath } from 'node:url';
import type { IsolatedStore, SeedPlan } from '@mutual-graph/platform';
import { syntheticEdi } from '@mutual-graph/synthetic';
import { EdiProfile } from './entities/edi-profile.js';

/** EDI answers of members whose EDI consent is current. */
const ediSeed: SeedPlan = (options) => [{
  tables: [{ entity: EdiProfile, perMember: (member) => { const answers = syntheticEdi(member, options); return answers ? [answers] : []; } }],
}];

/** The EDI store: its own schema, its own role (mg_edi), its own migrations. */
export const ediStore: IsolatedStore = {
  name: 'edi',
  database: {
    schema: 'edi',
    entities: [EdiProfile],
    migrationsPath: fileURLToPath(new URL('./migrations-edi', import.meta.url)),
  },
  seed: ediSeed,
};
