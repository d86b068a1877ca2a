import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany } from '@mutual-graph/platform';
import { Consent } from '../entities/consent.js';
import { Disclosure } from '../entities/disclosure.js';

/** The privacy subgraph's per-request loaders. */
export function createLoaders(em: EntityManager) {
  return {
    consentsByMember: loaderOfMany(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] } }, { orderBy: { purpose: 'asc' } }),
      (consent) => consent.memberId,
    ),
    disclosuresByMember: loaderOfMany(
      (memberIds) => em.find(Disclosure, { memberId: { $in: [...memberIds] } }, { orderBy: { disclosedAt: 'desc', id: 'asc' } }),
      (disclosure) => disclosure.memberId,
    ),
  };
}

export type PrivacyLoaders = ReturnType<typeof createLoaders>;
