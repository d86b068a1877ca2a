import { fileURLToPath } from 'node:url';
import type { IsolatedStore, SeedPlan } from '@mutual-graph/platform';
import { syntheticEdi } from '@mutual-graph/synthetic';
import { EdiProfile } from './entities/edi-profile.js';
import { EdiReleaseCell } from './entities/edi-release-cell.js';
import { EdiRelease } from './entities/edi-release.js';
import { MemberPracticeCopy } from './entities/member-practice-copy.js';
import { publishRelease } from './reporting/release-publication.js';

/** EDI answers of members whose EDI consent is current, and every member's practice (the store's own copy). */
const ediSeed: SeedPlan = (options) => [
  { tables: [{ entity: EdiProfile, perMember: (member) => { const answers = syntheticEdi(member, options); return answers ? [answers] : []; } }] },
  { tables: [{ entity: MemberPracticeCopy, perMember: (member) => [{ memberId: member.id, province: member.province, specialty: member.specialty }] }] },
];

/** The EDI store: its own schema, its own role (mg_edi), its own migrations. */
export const ediStore: IsolatedStore = {
  name: 'edi',
  database: {
    schema: 'edi',
    entities: [EdiProfile, MemberPracticeCopy, EdiRelease, EdiReleaseCell],
    migrationsPath: fileURLToPath(new URL('./migrations-edi', import.meta.url)),
  },
  seed: ediSeed,
  // A seeded store answers ediSummary at once: its first release is published with the seed.
  async afterSeed(em) {
    if ((await em.count(EdiRelease, {})) === 0) await publishRelease(em, { publishedBy: 'seed' });
  },
};
