import type { TypedOperation } from '@mutual-graph/platform';
import { Kind, OperationTypeNode, parse } from 'graphql';
import type { Effect } from '../subgraph-call.js';
import {
  ClosePlansOfEnrolmentDocument,
  EraseEdiAnswersDocument,
  RecordAccessReportReleaseDocument,
  RecordConsentGrantsDocument,
  RecordPortabilityReleaseDocument,
  SyncMemberPracticeDocument,
  SyncProtectionPeriodsDocument,
  type ClosePlansOfEnrolmentMutation,
  type ClosePlansOfEnrolmentMutationVariables,
  type EraseEdiAnswersMutation,
  type EraseEdiAnswersMutationVariables,
  type RecordAccessReportReleaseMutation,
  type RecordAccessReportReleaseMutationVariables,
  type RecordConsentGrantsMutation,
  type RecordConsentGrantsMutationVariables,
  type RecordPortabilityReleaseMutation,
  type RecordPortabilityReleaseMutationVariables,
  type SyncMemberPracticeMutation,
  type SyncMemberPracticeMutationVariables,
  type SyncProtectionPeriodsMutation,
  type SyncProtectionPeriodsMutationVariables,
} from '../operations.generated.js';

/** An effect on one subgraph's gateway-only mutation: the field it is signed for is the document's one root field. */
function effect<R, V>(subgraph: string, query: TypedOperation<R, V>): Effect<R, V> {
  const [operation] = parse(String(query)).definitions;
  const field =
    operation?.kind === Kind.OPERATION_DEFINITION && operation.operation === OperationTypeNode.MUTATION && operation.selectionSet.selections.length === 1
      ? operation.selectionSet.selections[0]
      : undefined;
  if (field?.kind !== Kind.FIELD) throw new Error('an effect is one mutation of one field');
  return { subgraph, field: `Mutation.${field.name.value}`, query };
}

/*
 * The gateway's own operations on its subgraphs' gateway-only fields, one each, here and nowhere
 * else: the subgraph an effect token is addressed to, and the typed document (a `.graphql` file
 * beside this one, generated into operations.generated.ts) whose text it is bound to.
 */

export const SYNC_PROTECTION_PERIODS: Effect<SyncProtectionPeriodsMutation, SyncProtectionPeriodsMutationVariables> = effect('case', SyncProtectionPeriodsDocument);
export const SYNC_MEMBER_PRACTICE: Effect<SyncMemberPracticeMutation, SyncMemberPracticeMutationVariables> = effect('member', SyncMemberPracticeDocument);
export const RECORD_CONSENT_GRANTS: Effect<RecordConsentGrantsMutation, RecordConsentGrantsMutationVariables> = effect('privacy', RecordConsentGrantsDocument);
export const CLOSE_PLANS_OF_ENROLMENT: Effect<ClosePlansOfEnrolmentMutation, ClosePlansOfEnrolmentMutationVariables> = effect('education', ClosePlansOfEnrolmentDocument);
export const ERASE_EDI_ANSWERS: Effect<EraseEdiAnswersMutation, EraseEdiAnswersMutationVariables> = effect('member', EraseEdiAnswersDocument);
/** After an access report is gathered and before it is sent: its release on the member's record (no record, no report). */
export const RECORD_ACCESS_REPORT_RELEASE: Effect<RecordAccessReportReleaseMutation, RecordAccessReportReleaseMutationVariables> = effect('privacy', RecordAccessReportReleaseDocument);
/** After a portability export is gathered and checked against its schema, before it is sent: its release on the member's record. */
export const RECORD_PORTABILITY_RELEASE: Effect<RecordPortabilityReleaseMutation, RecordPortabilityReleaseMutationVariables> = effect('privacy', RecordPortabilityReleaseDocument);
