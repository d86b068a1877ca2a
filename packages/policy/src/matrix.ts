import { CATEGORY_NAMES, type DataCategory, type Purpose } from './vocabulary.js';

export interface PurposePolicy {
  /** Categories this purpose may read. */
  categories: readonly DataCategory[];
  /**
   * Only the caller's own record (the token's memberId): root fields marked `@actsOnCaller`, or
   * `@actsOnNamedMember` naming the caller, and every member key given the caller's id.
   */
  ownRecordOnly?: boolean;
  /** Root fields this purpose may use at all; absent: any whose categories it may read. */
  rootFields?: readonly string[];
  /**
   * With `rootFields`: whether the query planner fetches entities under this purpose (answers to its
   * root fields span subgraphs). Otherwise a subgraph's `_entities` is one more root field the
   * purpose may not use: it would read member records by id past the limit.
   */
  entityFetches?: boolean;
  /**
   * Categories this purpose reads only in the declared peer calls one subgraph makes of another
   * (peer-calls.ts), never in an answer to a client: the subgraph asking reads them to do the
   * purpose's work (whom to send a survey) and returns none of them. A peer token is bound to its
   * declared query alone, so nothing else can be asked with it.
   */
  peerCallCategories?: readonly DataCategory[];
  /** Why this row differs from the privacy policy's plain reading, when it does. */
  reason?: string;
}

/**
 * Which purpose may read which category. Started from the privacy policy's table; every
 * refinement carries its reason here. What binds one field (to purposes, roles, the caller's own
 * record, the gateway) is declared on the field in its subgraph (directives.ts, bindings.ts).
 */
export const POLICY_MATRIX: Record<Purpose, PurposePolicy> = {
  MEMBERSHIP: { categories: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'FINANCIAL'] },
  PARTNER_CONFIRMATION: {
    categories: ['MEMBERSHIP', 'FINANCIAL'],
    rootFields: ['membershipConfirmation', 'feeReimbursement'],
    // feeReimbursement asks the privacy subgraph whether the member consented to it (FEE_REIMBURSEMENT_CONSENT_CALL).
    peerCallCategories: ['PRIVACY_RECORD'],
    reason:
      "Partners confirm membership and nothing else: only through the partner graph's confirmation, never a member record. FINANCIAL only through feeReimbursement (role fee-reimbursement-program), which answers a province's program about its own province's members, for fees billed before the policy announced it (2026.1) only with the member's consent, read subgraph to subgraph.",
  },
  MEDICO_LEGAL_ASSISTANCE: { categories: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'MEDICO_LEGAL'] },
  RISK_MANAGEMENT: { categories: ['PROFILE', 'PROFESSIONAL', 'MEDICO_LEGAL', 'LEARNING'] },
  EDUCATION: { categories: ['PROFILE', 'CONTACT', 'LEARNING'] },
  EDI_REPORTING: {
    categories: [],
    rootFields: ['ediSummary', 'ediReleases', 'ediRelease', 'ediPrivacyBudget', 'publishEdiRelease', 'supportServices', 'wellnessResources', 'supportProgramSelfCheck', 'privacyPolicyVersions'],
    reason: 'EDI is reported only in aggregate and de-identified form: published releases of noisy tables alone (and the support content, which is about no one), no field of any member.',
  },
  MEMBER_SELF_SERVICE: {
    categories: CATEGORY_NAMES,
    ownRecordOnly: true,
  },
  PRIVACY_OFFICE: {
    categories: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'PRIVACY_RECORD'],
    reason:
      "No FINANCIAL: the office sees a member's fees, payments and refunds only in that member's access report, which is gathered as the member's own record (MEMBER_SELF_SERVICE), never every member's.",
  },
  COMMUNICATIONS: {
    categories: ['PROFILE', 'CONTACT', 'COMMUNICATIONS'],
    rootFields: ['communicationsAudience', 'member', 'supportServices', 'wellnessResources', 'privacyPolicyVersions'],
    // The audience comes from the privacy subgraph, the members' names and addresses from the member subgraph.
    entityFetches: true,
    reason:
      'Only members whose communications consent is current: lists come from the consents themselves (communicationsAudience), and a member read by id is absent without it. Not the members list, which knows nothing of consent.',
  },
  SERVICE_EVALUATION: {
    categories: [],
    rootFields: ['sendServiceSurveys', 'serviceSurveyResults', 'supportServices', 'wellnessResources', 'privacyPolicyVersions'],
    // Sending asks the case, privacy and member subgraphs (peer calls, `_entities`) about each member served that day.
    entityFetches: true,
    peerCallCategories: ['PROFESSIONAL', 'MEDICO_LEGAL', 'SURVEY'],
    reason:
      "How members rate the advice and education they received, in aggregate only: a client may send a day's surveys (answered with a count) and read suppressed results about no one, and no field of any member. Sending reads, subgraph to subgraph, who called an advisor that day, whose survey consent is current and each one's province of practice; a member's answers are the member's own.",
  },
};

/**
 * Over every purpose: EDI never travels with membership or medico-legal data, so EDI can
 * never inform applications, eligibility or assistance.
 */
export const EDI_ISOLATED_FROM: readonly DataCategory[] = ['MEMBERSHIP', 'MEDICO_LEGAL'];

export function mayRead(purpose: Purpose, category: DataCategory): boolean {
  return POLICY_MATRIX[purpose].categories.includes(category);
}

/** Whether a declared peer call (never a client's operation) may read the category under this purpose. */
export function mayReadInPeerCall(purpose: Purpose, category: DataCategory): boolean {
  return mayRead(purpose, category) || (POLICY_MATRIX[purpose].peerCallCategories ?? []).includes(category);
}

/** A whole matrix: each purpose's row and EDI isolation. This build's is `CURRENT_MATRIX`; a proposed one is read from a policy snapshot. */
export interface MatrixOfPurposes {
  purposes: Readonly<Record<Purpose, PurposePolicy>>;
  ediIsolatedFrom: readonly DataCategory[];
}

export const CURRENT_MATRIX: MatrixOfPurposes = { purposes: POLICY_MATRIX, ediIsolatedFrom: EDI_ISOLATED_FROM };
