import type { Effect } from '../subgraph-call.js';

/*
 * The gateway's own operations on its subgraphs' gateway-only fields (GATEWAY_EFFECT_FIELDS), one
 * named document each, here and nowhere else: what an effect token is signed for, word for word.
 */

export const SYNC_PROTECTION_PERIODS: Effect = {
  subgraph: 'case',
  field: 'Mutation.syncProtectionPeriods',
  query: `mutation SyncProtectionPeriods($memberId: ID!, $periods: [ProtectionPeriodInput!]!) {
  syncProtectionPeriods(memberId: $memberId, periods: $periods)
}`,
};

export const SYNC_MEMBER_PRACTICE: Effect = {
  subgraph: 'member',
  field: 'Mutation.syncMemberPractice',
  query: `mutation SyncMemberPractice($memberId: ID!, $province: Province!, $specialty: String!) {
  syncMemberPractice(memberId: $memberId, province: $province, specialty: $specialty)
}`,
};

export const RECORD_CONSENT_GRANTS: Effect = {
  subgraph: 'privacy',
  field: 'Mutation.recordConsentGrants',
  query: 'mutation RecordConsentGrants($grants: [ConsentGrantInput!]!) { recordConsentGrants(grants: $grants) }',
};

export const ERASE_EDI_ANSWERS: Effect = {
  subgraph: 'member',
  field: 'Mutation.eraseEdiAnswers',
  query: 'mutation EraseEdiAnswers($memberIds: [ID!]!) { eraseEdiAnswers(memberIds: $memberIds) }',
};

export const RECORD_DISCLOSURES: Effect = {
  subgraph: 'privacy',
  field: 'Mutation.recordDisclosures',
  query: 'mutation RecordDisclosures($disclosures: [DisclosureInput!]!) { recordDisclosures(disclosures: $disclosures) }',
};

/** After an access report is gathered and before it is sent: its release on the member's record (no record, no report). */
export const RECORD_ACCESS_REPORT_RELEASE: Effect = {
  subgraph: 'privacy',
  field: 'Mutation.recordAccessReportRelease',
  query: `mutation RecordAccessReportRelease($requestId: ID!, $categories: [String!]!) {
  recordAccessReportRelease(requestId: $requestId, categories: $categories) { id }
}`,
};
