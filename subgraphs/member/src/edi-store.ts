import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsolatedStore } from '@mutual-graph/platform';
import { EdiProfile } from './entities/edi-profile.js';
import { EdiReleaseCell } from './entities/edi-release-cell.js';
import { EdiRelease } from './entities/edi-release.js';
import { MemberPracticeCopy } from './entities/member-practice-copy.js';
import { publishRelease } from './reporting/release-publication.js';

type Practice = { id: string; province: string; specialty: string };

/**
 * Makes the EDI store's copy of practices equal to the member schema's, writing only what differs:
 * members the copy lacks (a database migrated before the copy existed, a gateway effect that failed)
 * and practices that changed. Reads the member schema as mg_member and writes the copy as mg_edi,
 * in the setup job; nothing is read from the EDI store but the copy itself. Anonymised members have
 * none (their copy goes with their identity, disposition.ts).
 */
async function reconcilePracticeCopy(edi: EntityManager, member: EntityManager): Promise<number> {
  const source = await member.getConnection().execute<Practice[]>('select id::text as id, province::text as province, specialty from member.member where anonymised_on is null');
  const copied = new Map((await edi.getConnection().execute<Practice[]>('select member_id::text as id, province, specialty from edi.member_practice')).map((p) => [p.id, p]));
  const stale = source.filter((p) => copied.get(p.id)?.province !== p.province || copied.get(p.id)?.specialty !== p.specialty);
  for (let i = 0; i < stale.length; i += 10_000) {
    const batch = stale.slice(i, i + 10_000);
    await edi.getConnection().execute(
      // One JSON parameter for the batch (a list parameter would be expanded into thousands of placeholders).
      `insert into edi.member_practice (member_id, province, specialty)
       select member_id, province, specialty from jsonb_to_recordset(?::jsonb) as p(member_id uuid, province text, specialty text)
       on conflict (member_id) do update set province = excluded.province, specialty = excluded.specialty`,
      [JSON.stringify(batch.map((p) => ({ member_id: p.id, province: p.province, specialty: p.specialty })))],
    );
  }
  return stale.length;
}

/** The EDI store: its own schema, its own role (mg_edi), its own migrations. */
export const ediStore: IsolatedStore = {
  name: 'edi',
  database: {
    schema: 'edi',
    entities: [EdiProfile, MemberPracticeCopy, EdiRelease, EdiReleaseCell],
    migrationsPath: fileURLToPath(new URL('./migrations-edi', import.meta.url)),
  },
  reconcile: reconcilePracticeCopy,
  // A seeded store answers ediSummary at once: its first release is published with the seed.
  async afterSeed(em) {
    if ((await em.count(EdiRelease, {})) === 0) await publishRelease(em, { publishedBy: 'seed' });
  },
};
