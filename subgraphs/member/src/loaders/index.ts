import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '@mutual-graph/platform';
import { Member } from '../entities/member.js';
import { MembershipPeriod } from '../entities/membership-period.js';

/** The member subgraph's per-request loaders: one statement per entity type, whatever N. */
export function createLoaders(em: EntityManager) {
  return {
    memberById: loaderOfOne((ids) => em.find(Member, { id: { $in: [...ids] } }), (member) => member.id),
    periodsByMember: loaderOfMany(
      (memberIds) => em.find(MembershipPeriod, { member: { $in: [...memberIds] } }, { orderBy: { startsOn: 'asc' } }),
      (period) => period.member.id,
    ),
  };
}

export type MemberLoaders = ReturnType<typeof createLoaders>;
