import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches } from '@mutual-graph/platform';
import { syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { Member } from './entities/member.js';
import { MembershipPeriod } from './entities/membership-period.js';

/** Seeds members and their periods, all or nothing, when the member table is empty. */
export async function seedMembers(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  if ((await em.count(Member)) > 0) return {};
  return em.transactional(async (tx) => {
    const members = await insertInBatches(tx, Member, (function* () {
      for (const m of syntheticMembers(options)) {
        yield {
          id: m.id, membershipNumber: m.membershipNumber, minc: m.minc, firstName: m.firstName, lastName: m.lastName,
          dateOfBirth: m.dateOfBirth, preferredLanguage: m.preferredLanguage, email: m.email, phone: m.phone, city: m.city,
          province: m.province, specialty: m.specialty, typeOfWork: m.typeOfWork, status: m.status,
        };
      }
    })());
    const periods = await insertInBatches(tx, MembershipPeriod, (function* () {
      for (const m of syntheticMembers(options)) {
        for (const p of m.periods) yield { member: m.id, ...p };
      }
    })());
    return { member: members, membership_period: periods };
  });
}
