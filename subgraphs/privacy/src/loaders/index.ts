import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany } from '@mutual-graph/platform';
import { Consent } from '../entities/consent.js';
import { Disclosure } from '../entities/disclosure.js';
import { PrivacyRequest } from '../entities/privacy-request.js';

/** The privacy subgraph's per-request loaders. */
export function createLoaders(em: EntityManager) {
  return {
    consentsByMember: loaderOfMany(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] } }, { orderBy: { purpose: 'asc' } }),
      (consent) => consent.memberId,
    ),
    requestsByMember: loaderOfMany(
      (memberIds) => em.find(PrivacyRequest, { memberId: { $in: [...memberIds] } }, { orderBy: { receivedOn: 'desc', id: 'asc' } }),
      (request) => request.memberId,
    ),
    disclosuresByMember: loaderOfMany(
      (memberIds) => em.find(Disclosure, { memberId: { $in: [...memberIds] } }, { orderBy: { disclosedAt: 'desc', id: 'asc' } }),
      (disclosure) => disclosure.memberId,
    ),
  };
}

export type PrivacyLoaders = ReturnType<typeof createLoaders>;
