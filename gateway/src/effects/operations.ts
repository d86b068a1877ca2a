import type { Effect } from '../subgraph-call.js';
import {
  EraseEdiAnswersDocument,
  RecordAccessReportReleaseDocument,
  RecordConsentGrantsDocument,
  RecordDisclosuresDocument,
  SyncMemberPracticeDocument,
  SyncProtectionPeriodsDocument,
  type EraseEdiAnswersMutation,
  type EraseEdiAnswersMutationVariables,
  type RecordAccessReportReleaseMutation,
  type RecordAccessReportReleaseMutationVariables,
  type RecordConsentGrantsMutation,
  type RecordConsentGrantsMutationVariables,
  type RecordDisclosuresMutation,
  type RecordDisclosuresMutationVariables,
  type SyncMemberPracticeMutation,
  type SyncMemberPracticeMutationVariables,
  type SyncProtectionPeriodsMutation,
  type SyncProtectionPeriodsMutationVariables,
} from '../operations.generated.js';

/*
 * The gateway's own operations on its subgraphs' gateway-only fields, one each, here and nowhere
 * else: the subgraph an effect token is addressed to, the field it is signed for, and the typed
 * document (a `.graphql` file beside this one, generated into operations.generated.ts) whose text
 * it is bound to.
 */

export const SYNC_PROTECTION_PERIODS: Effect<SyncProtectionPeriodsMutation, SyncProtectionPeriodsMutationVariables> = {
  subgraph: 'case',
  field: 'Mutation.syncProtectionPeriods',
  query: SyncProtectionPeriodsDocument,
};

export const SYNC_MEMBER_PRACTICE: Effect<SyncMemberPracticeMutation, SyncMemberPracticeMutationVariables> = {
  subgraph: 'member',
  field: 'Mutation.syncMemberPractice',
  query: SyncMemberPracticeDocument,
};

export const RECORD_CONSENT_GRANTS: Effect<RecordConsentGrantsMutation, RecordConsentGrantsMutationVariables> = {
  subgraph: 'privacy',
  field: 'Mutation.recordConsentGrants',
  query: RecordConsentGrantsDocument,
};

export const ERASE_EDI_ANSWERS: Effect<EraseEdiAnswersMutation, EraseEdiAnswersMutationVariables> = {
  subgraph: 'member',
  field: 'Mutation.eraseEdiAnswers',
  query: EraseEdiAnswersDocument,
};

export const RECORD_DISCLOSURES: Effect<RecordDisclosuresMutation, RecordDisclosuresMutationVariables> = {
  subgraph: 'privacy',
  field: 'Mutation.recordDisclosures',
  query: RecordDisclosuresDocument,
};

/** After an access report is gathered and before it is sent: its release on the member's record (no record, no report). */
export const RECORD_ACCESS_REPORT_RELEASE: Effect<RecordAccessReportReleaseMutation, RecordAccessReportReleaseMutationVariables> = {
  subgraph: 'privacy',
  field: 'Mutation.recordAccessReportRelease',
  query: RecordAccessReportReleaseDocument,
};
