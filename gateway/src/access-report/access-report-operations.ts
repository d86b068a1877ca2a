import type { Effect } from '../subgraph-call.js';
/**
 * What an access report gathers, as two operations on the internal graph, run as the member the
 * request is about under MEMBER_SELF_SERVICE: everything but EDI in one, EDI on its own (EDI
 * never travels with membership or medico-legal data, not even in the member's own report).
 * Fifty years is the longest look-back the graph allows, and longer than the retention schedule keeps anything.
 */
/** The request, if the privacy subgraph clears its report for release (separation of duties); refused with the reason otherwise. */
export const REQUEST_OF_RECORD = `query AccessReportRequest($id: ID!) {
  accessReportClearance(requestId: $id) { id kind status receivedOn identityVerifiedOn dueOn member { id } }
}`;

/** The gateway's own effect call, after gathering and before answering: the release on the member's record (no record, no report). */
export const RECORD_RELEASE: Effect = {
  subgraph: 'privacy',
  field: 'Mutation.recordAccessReportRelease',
  query: `mutation RecordAccessReportRelease($requestId: ID!, $categories: [String!]!) {
  recordAccessReportRelease(requestId: $requestId, categories: $categories) { id }
}`,
};

export const MEMBER_RECORD = `query AccessReport {
  me {
    id membershipNumber minc firstName lastName dateOfBirth preferredLanguage
    contact { email phone city province }
    practice { province specialty typeOfWork }
    collegeRegistrations { college registrationNumber }
    membership {
      status
      periods { startsOn endsOn typeOfWork feeRegion }
      history { fromStatus toStatus effectiveOn recordedAt }
    }
    medicoLegalHistory(years: 50) { id kind province openedOn closedOn status outcome physicianAdvisor counsel compensationPaid { amount currency } }
    adviceCalls(years: 50) { calledOn topic language durationMinutes physicianAdvisor followUp }
    supportProgram { status source openedOn closedOn contributingFactors memberPerspective notes { writtenAt author text } }
    learningRecord { completedOn credits activity { code title } }
    registrations { status registeredAt cancelledAt event { startsAt activity { title } } }
    educationPlan { status createdOn items { factor status dueOn completedOn externalProgram } }
    communicationPreferences { consented consentedSince }
    consents { purpose recipient status grantedAt withdrawnAt method history { decision recordedAt method } }
    privacyRequests { kind receivedOn dueOn status closedOn declineReason }
    disclosures { recipient purpose categories description disclosedAt }
  }
}`;

export const MEMBER_EDI = `query AccessReportEdi {
  me { edi { genderIdentity indigenousIdentity racializedIdentity disability sexualOrientation answeredOn } }
}`;
