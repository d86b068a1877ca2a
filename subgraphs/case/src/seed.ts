import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches, seedTableWhenEmpty } from '@mutual-graph/platform';
import { syntheticCasework, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { AdviceCall } from './entities/advice-call.js';
import { MedicoLegalMatter } from './entities/medico-legal-matter.js';
import { ProtectionPeriod } from './entities/protection-period.js';

/** Seeds ten years of matters and advice calls, all or nothing, when there are none. */
export async function seedCasework(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  const seeded: Record<string, number> = {};
  // The copy of periods of protection is seeded on its own: it came after the casework itself.
  const periods = await seedTableWhenEmpty(em, ProtectionPeriod, function* () {
    for (const member of syntheticMembers(options)) for (const p of member.periods) yield { memberId: member.id, ...p };
  });
  if (periods !== undefined) seeded.protection_period = periods;
  if ((await em.count(MedicoLegalMatter)) > 0 || (await em.count(AdviceCall)) > 0) return seeded;
  return em.transactional(async (tx) => {
    const matters = await insertInBatches(tx, MedicoLegalMatter, (function* () {
      for (const member of syntheticMembers(options)) {
        for (const { compensationPaidCents, ...matter } of syntheticCasework(member, options).matters) {
          yield { ...matter, compensationPaidCad: compensationPaidCents === null ? null : (compensationPaidCents / 100).toFixed(2) };
        }
      }
    })());
    const calls = await insertInBatches(tx, AdviceCall, (function* () {
      for (const member of syntheticMembers(options)) yield* syntheticCasework(member, options).calls;
    })());
    return { ...seeded, medico_legal_matter: matters, advice_call: calls };
  });
}
