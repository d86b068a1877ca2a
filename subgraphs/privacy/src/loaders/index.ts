import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '@mutual-graph/platform';
import { Consent } from '../entities/consent.js';
import { ConsentPurpose, NO_RECIPIENT } from '../entities/consent-enums.js';
import { ConsentEvent } from '../entities/consent-event.js';
import { disclosuresOfMembers } from './disclosure-log.js';
import { IncidentNotification } from '../entities/incident-notification.js';
import { PrivacyImpactAssessment } from '../entities/privacy-impact-assessment.js';
import { PrivacyRequest } from '../entities/privacy-request.js';
import { ServiceProvider } from '../entities/service-provider.js';
import { ServiceProviderTransfer } from '../entities/service-provider-transfer.js';
import { ExtensionNotice } from '../entities/extension-notice.js';
import { HoldFromDisposition } from '../entities/disposition-hold.js';

/** The privacy subgraph's per-request loaders. */
export function createLoaders(em: EntityManager) {
  return {
    consentsByMember: loaderOfMany(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] } }, { orderBy: { purpose: 'asc', recipient: 'asc' } }),
      (consent) => consent.memberId,
    ),
    communicationsConsent: loaderOfOne(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] }, purpose: ConsentPurpose.COMMUNICATIONS, recipient: NO_RECIPIENT }),
      (consent) => consent.memberId,
    ),
    surveysConsent: loaderOfOne(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] }, purpose: ConsentPurpose.SURVEYS, recipient: NO_RECIPIENT }),
      (consent) => consent.memberId,
    ),
    feeReimbursementConsent: loaderOfOne(
      (memberIds) => em.find(Consent, { memberId: { $in: [...memberIds] }, purpose: ConsentPurpose.FEE_REIMBURSEMENT, recipient: NO_RECIPIENT }),
      (consent) => consent.memberId,
    ),
    // Keyed by member, purpose and recipient: one statement for every consent's history on the page.
    consentHistory: loaderOfMany(
      (keys) => em.find(ConsentEvent, { memberId: { $in: [...new Set(keys.map((k) => k.split(':')[0]))] } }, { orderBy: { recordedAt: 'asc', id: 'asc' } }),
      (event) => `${event.memberId}:${event.purpose}:${event.recipient}`,
    ),
    requestsByMember: loaderOfMany(
      (memberIds) => em.find(PrivacyRequest, { memberId: { $in: [...memberIds] } }, { orderBy: { receivedOn: 'desc', id: 'asc' } }),
      (request) => request.memberId,
    ),
    disclosuresByMember: loaderOfMany(
      (memberIds) => disclosuresOfMembers(em, memberIds),
      (disclosure) => disclosure.memberId,
    ),
    extensionNoticeByRequest: loaderOfOne(
      (requestIds) => em.find(ExtensionNotice, { requestId: { $in: [...requestIds] } }),
      (notice) => notice.requestId,
    ),
    holdsByRequest: loaderOfMany(
      (requestIds) => em.find(HoldFromDisposition, { requestId: { $in: [...requestIds] } }, { orderBy: { placedAt: 'asc', id: 'asc' } }),
      (hold) => hold.requestId,
    ),
    notificationsByIncident: loaderOfMany(
      (incidentIds) => em.find(IncidentNotification, { incidentId: { $in: [...incidentIds] } }, { orderBy: { notifiedOn: 'asc', id: 'asc' } }),
      (notification) => notification.incidentId,
    ),
    providerById: loaderOfOne(
      (providerIds) => em.find(ServiceProvider, { id: { $in: [...providerIds] } }),
      (provider) => provider.id,
    ),
    transfersByProvider: loaderOfMany(
      (providerIds) => em.find(ServiceProviderTransfer, { providerId: { $in: [...providerIds] } }, { orderBy: { since: 'desc', id: 'desc' } }),
      (transfer) => transfer.providerId,
    ),
    assessmentsByProvider: loaderOfMany(
      (providerIds) => em.find(PrivacyImpactAssessment, { providerId: { $in: [...providerIds] } }, { orderBy: { recordedAt: 'desc', id: 'asc' } }),
      (assessment) => assessment.providerId,
    ),
  };
}

export type PrivacyLoaders = ReturnType<typeof createLoaders>;
