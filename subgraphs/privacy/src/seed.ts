import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches, seedTableWhenEmpty } from '@mutual-graph/platform';
import { syntheticConsents, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { Consent } from './entities/consent.js';
import { ConsentEvent } from './entities/consent-event.js';

/** Seeds each member's consent history, and their consents as they stand after it, each when empty. */
export async function seedPrivacy(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  const seeded: Record<string, number> = {};
  // The history came after the consents themselves: it is seeded on its own.
  const events = await seedTableWhenEmpty(em, ConsentEvent, function* () {
    for (const member of syntheticMembers(options)) {
      for (const e of syntheticConsents(member, options)) yield { memberId: member.id, purpose: e.purpose, decision: e.decision, recordedAt: new Date(e.recordedAt), method: e.method };
    }
  });
  if (events !== undefined) seeded.consent_event = events;
  if ((await em.count(Consent)) > 0) return seeded;
  return em.transactional(async (tx) => {
    const consents = await insertInBatches(tx, Consent, (function* () {
      for (const member of syntheticMembers(options)) {
        const events = syntheticConsents(member, options);
        for (const granted of events.filter((e) => e.decision === 'GRANTED')) {
          const withdrawn = events.find((e) => e.purpose === granted.purpose && e.decision === 'WITHDRAWN');
          yield {
            id: granted.id, memberId: member.id, purpose: granted.purpose,
            status: withdrawn ? 'WITHDRAWN' : 'GRANTED',
            grantedAt: new Date(granted.recordedAt),
            withdrawnAt: withdrawn ? new Date(withdrawn.recordedAt) : null,
            method: (withdrawn ?? granted).method,
          };
        }
      }
    })());
    return { ...seeded, consent: consents };
  });
}
