import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany } from '@mutual-graph/platform';
import { Consent } from '../entities/consent.js';
import { ConsentEvent } from '../entities/consent-event.js';
import { Disclosure } from '../entities/disclosure.js';
import { PrivacyRequest } from '../entities/privacy-request.js';

/** The privacy subgraph's per-request loaders. */
export function createLoaders(em: EntityManager) {
  return {
    consentsByMember: loaderOfMany(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] } }, { orderBy: { purpose: 'asc' } }),
      (consent) => consent.memberId,
    ),
    // Keyed by member and purpose: one statement for every consent's history on the page.
    consentHistory: loaderOfMany(
      (keys) => em.find(ConsentEvent, { memberId: { $in: [...new Set(keys.map((k) => k.split(':')[0]!))] } }, { orderBy: { recordedAt: 'asc', id: 'asc' } }),
      (event) => `${event.memberId}:${event.purpose}`,
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
