import { CATEGORY_NAMES, type DataCategory, type Purpose } from './vocabulary.js';

export interface PurposePolicy {
  /** Categories this purpose may read. */
  categories: readonly DataCategory[];
  /** Only the caller's own record (the token's memberId). */
  ownRecordOnly?: boolean;
  /** With `ownRecordOnly`: root fields that act on the token's own member by construction (besides `member(id:)` with that id). */
  ownRootFields?: readonly string[];
  /** Root fields this purpose may use at all; absent: any whose categories it may read. */
  rootFields?: readonly string[];
  /**
   * With `rootFields`: whether the query planner fetches entities under this purpose (answers to its
   * root fields span subgraphs). Otherwise a subgraph's `_entities` is one more root field the
   * purpose may not use: it would read member records by id past the limit.
   */
  entityFetches?: boolean;
  /** Why this row differs from the privacy policy's plain reading, when it does. */
  reason?: string;
}

/**
 * Which purpose may read which category. Started from the privacy policy's table; every
 * refinement carries its reason here.
 */
export const POLICY_MATRIX: Record<Purpose, PurposePolicy> = {
  MEMBERSHIP: { categories: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'FINANCIAL'] },
  PARTNER_CONFIRMATION: {
    categories: ['MEMBERSHIP'],
    rootFields: ['membershipConfirmation'],
    reason: 'Partners confirm membership and nothing else: only through the partner graph\'s confirmation, never a member record.',
  },
  MEDICO_LEGAL_ASSISTANCE: { categories: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'MEDICO_LEGAL'] },
  RISK_MANAGEMENT: { categories: ['PROFILE', 'PROFESSIONAL', 'MEDICO_LEGAL', 'LEARNING'] },
  EDUCATION: { categories: ['PROFILE', 'CONTACT', 'LEARNING'] },
  EDI_REPORTING: {
    categories: [],
    rootFields: ['ediSummary', 'ediReleases', 'ediRelease', 'ediPrivacyBudget', 'publishEdiRelease', 'supportServices', 'wellnessResources', 'supportProgramSelfCheck'],
    reason: 'EDI is reported only in aggregate and de-identified form: published releases of noisy tables alone (and the support content, which is about no one), no field of any member.',
  },
  MEMBER_SELF_SERVICE: {
    categories: CATEGORY_NAMES,
    ownRecordOnly: true,
    ownRootFields: ['me', 'updateMyContact', 'updateMyProfile', 'setMyEdiAnswers', 'deleteMyEdiAnswers', 'withdrawMyConsent', 'grantMyConsent', 'registerForEvent', 'cancelMyRegistration', 'upcomingEvents', 'updateMyEducationPlanItem', 'requestAssistance', 'submitPrivacyRequest', 'supportServices', 'wellnessResources', 'supportProgramSelfCheck', 'requestSupportProgramReview', 'withdrawSupportProgramReview'],
  },
  PRIVACY_OFFICE: { categories: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'PRIVACY_RECORD'] },
  COMMUNICATIONS: {
    categories: ['PROFILE', 'CONTACT', 'COMMUNICATIONS'],
    rootFields: ['communicationsAudience', 'member', 'supportServices', 'wellnessResources'],
    // The audience comes from the privacy subgraph, the members' names and addresses from the member subgraph.
    entityFetches: true,
    reason: 'Only members whose communications consent is current: lists come from the consents themselves (communicationsAudience), and a member read by id is absent without it. Not the members list, which knows nothing of consent.',
  },
};

/**
 * Over every purpose: EDI never travels with membership or medico-legal data, so EDI can
 * never inform applications, eligibility or assistance.
 */
export const EDI_ISOLATED_FROM: readonly DataCategory[] = ['MEMBERSHIP', 'MEDICO_LEGAL'];

/**
 * Root fields that only some purposes may use, whatever their categories: aggregates of data no
 * other purpose may see (EDI reporting's summary carries no personal information, but it is EDI).
 */
export const PURPOSE_BOUND_FIELDS: Record<string, readonly Purpose[]> = {
  'Query.ediSummary': ['EDI_REPORTING'],
  'Query.ediReleases': ['EDI_REPORTING'],
  'Query.ediRelease': ['EDI_REPORTING'],
  'Query.ediPrivacyBudget': ['EDI_REPORTING'],
  'Mutation.publishEdiRelease': ['EDI_REPORTING'],
  // Applications and the membership lifecycle are membership services' work.
  'Mutation.applyForMembership': ['MEMBERSHIP'],
  'Mutation.changeMembershipStatus': ['MEMBERSHIP'],
  'Mutation.changeTypeOfWork': ['MEMBERSHIP'],
  // A member's own corrections and EDI answers are theirs alone to make.
  'Mutation.updateMyContact': ['MEMBER_SELF_SERVICE'],
  'Mutation.updateMyProfile': ['MEMBER_SELF_SERVICE'],
  'Mutation.setMyEdiAnswers': ['MEMBER_SELF_SERVICE'],
  'Mutation.deleteMyEdiAnswers': ['MEMBER_SELF_SERVICE'],
  'Mutation.withdrawMyConsent': ['MEMBER_SELF_SERVICE'],
  'Mutation.registerForEvent': ['MEMBER_SELF_SERVICE'],
  'Mutation.cancelMyRegistration': ['MEMBER_SELF_SERVICE'],
  // Education staff schedule sessions and manage members' places.
  'Mutation.scheduleEvent': ['EDUCATION'],
  'Mutation.registerMemberForEvent': ['EDUCATION'],
  'Mutation.cancelMemberRegistration': ['EDUCATION'],
  // Assistance: the member asks for themself, or medico-legal staff for a member.
  'Mutation.requestAssistance': ['MEDICO_LEGAL_ASSISTANCE', 'MEMBER_SELF_SERVICE'],
  'Query.matterStatistics': ['RISK_MANAGEMENT'],
  'Query.supportProgramCandidates': ['RISK_MANAGEMENT'],
  // The Member Support Program's records: risk management, and the member on their own.
  'Member.supportProgram': ['RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE'],
  // What to turn to, chosen from the member's own open matters: the member's eyes only.
  'Member.supportSuggestions': ['MEMBER_SELF_SERVICE'],
  'Mutation.enrolInSupportProgram': ['RISK_MANAGEMENT'],
  'Mutation.recordAssessment': ['RISK_MANAGEMENT'],
  'Mutation.advanceEnrolment': ['RISK_MANAGEMENT'],
  'Mutation.addEnrolmentNote': ['RISK_MANAGEMENT'],
  'Mutation.requestSupportProgramReview': ['MEMBER_SELF_SERVICE'],
  'Mutation.withdrawSupportProgramReview': ['MEMBER_SELF_SERVICE'],
  // Privacy requests: members submit their own; the privacy office runs the clock.
  'Mutation.submitPrivacyRequest': ['MEMBER_SELF_SERVICE'],
  'Mutation.recordPrivacyRequest': ['PRIVACY_OFFICE'],
  'Mutation.verifyRequesterIdentity': ['PRIVACY_OFFICE'],
  'Mutation.extendPrivacyRequest': ['PRIVACY_OFFICE'],
  'Mutation.completePrivacyRequest': ['PRIVACY_OFFICE'],
  'Mutation.declinePrivacyRequest': ['PRIVACY_OFFICE'],
  'Query.privacyRequestsDue': ['PRIVACY_OFFICE'],
  'Query.overduePrivacyRequests': ['PRIVACY_OFFICE'],
  'Query.privacyRequest': ['PRIVACY_OFFICE'],
  'Query.accessReportClearance': ['PRIVACY_OFFICE'],
  'Query.disclosures': ['PRIVACY_OFFICE'],
  'Query.accessAudit': ['PRIVACY_OFFICE'],
  'Mutation.recordDisclosure': ['PRIVACY_OFFICE'],
  // The register of confidentiality incidents is the privacy office's to keep.
  'Mutation.recordConfidentialityIncident': ['PRIVACY_OFFICE'],
  'Mutation.assessIncidentRisk': ['PRIVACY_OFFICE'],
  'Mutation.recordIncidentNotification': ['PRIVACY_OFFICE'],
  'Query.confidentialityIncidents': ['PRIVACY_OFFICE'],
  'Query.incidentsAwaitingNotification': ['PRIVACY_OFFICE'],
  // Consent: members give and withdraw their own online; the office records calls and letters.
  'Mutation.grantMyConsent': ['MEMBER_SELF_SERVICE'],
  'Mutation.recordConsentDecision': ['PRIVACY_OFFICE'],
  // Whom communications may reach: the communications team's list, read from the consents.
  'Query.communicationsAudience': ['COMMUNICATIONS'],
  // Member Support Program plans: the program's staff, and the member on their own steps.
  'Mutation.createEducationPlan': ['RISK_MANAGEMENT'],
  'Mutation.updateEducationPlanItem': ['RISK_MANAGEMENT'],
  'Mutation.updateMyEducationPlanItem': ['MEMBER_SELF_SERVICE'],
};

/**
 * Fields only the gateway calls, to carry out what a request's subgraphs asked for (record a
 * disclosure, record a consent). No client operation may select them, under any purpose; a
 * subgraph answers them only to a hop token the gateway marked as its own effect.
 */
export const GATEWAY_EFFECT_FIELDS: readonly string[] = ['Mutation.recordDisclosures', 'Mutation.recordConsentGrants', 'Mutation.syncProtectionPeriods', 'Mutation.syncMemberPractice', 'Mutation.eraseEdiAnswers', 'Mutation.recordAccessReportRelease'];

/**
 * Fields only principals holding one of these roles may use, under the purposes they are bound
 * to: a release spends the year's EDI privacy budget, so only the EDI reporting lead publishes one.
 */
export const ROLE_BOUND_FIELDS: Record<string, readonly string[]> = {
  'Mutation.publishEdiRelease': ['edi-reporting-lead'],
};

/** Whether a principal with these roles may use the field (fields no role binds: anyone the purpose allows). */
export function holdsRoleFor(roles: readonly string[], coordinate: string): boolean {
  const bound = ROLE_BOUND_FIELDS[coordinate];
  return bound === undefined || bound.some((role) => roles.includes(role));
}

export function mayUseField(purpose: Purpose, coordinate: string): boolean {
  if (GATEWAY_EFFECT_FIELDS.includes(coordinate)) return false;
  const bound = PURPOSE_BOUND_FIELDS[coordinate];
  return bound === undefined || bound.includes(purpose);
}

export function mayRead(purpose: Purpose, category: DataCategory): boolean {
  return POLICY_MATRIX[purpose].categories.includes(category);
}
