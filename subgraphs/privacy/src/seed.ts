import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches } from '@mutual-graph/platform';
import { syntheticConsents, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { Consent } from './entities/consent.js';

/** Seeds each member's consents as they stand after their history of grants and withdrawals. */
export async function seedPrivacy(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  if ((await em.count(Consent)) > 0) return {};
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
    return { consent: consents };
  });
}
