import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, requireUuid } from '@mutual-graph/platform';
import { Disclosure } from '../entities/disclosure.js';
import { PrivacyRequest } from '../entities/privacy-request.js';
import { releaseRefusal } from './separation-of-duties.js';

/**
 * Records the release of a member's information to them for an ACCESS request (the access
 * report, the portability export): the request checked again under its lock, as the clearance
 * checked it, then the disclosure `disclosureOf` writes, in one transaction. Refused otherwise.
 */
export function recordReleaseToMember(em: EntityManager, requestId: string, disclosureOf: (request: PrivacyRequest) => Disclosure): Promise<Disclosure> {
  return em.transactional(async (tx) => {
    const request = await tx.findOne(PrivacyRequest, { id: requireUuid('requestId', requestId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) throw badUserInput('requestId', 'no privacy request has this id');
    const refusal = releaseRefusal(request);
    if (refusal) throw refusal;
    return tx.create(Disclosure, disclosureOf(request));
  });
}
