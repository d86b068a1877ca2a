/**
 * The privacy policy's purposes of use and data categories: the one place they are named.
 * The gateway, the subgraphs, composition and the generated POLICY.md all read these.
 */

export const PURPOSES = {
  MEMBERSHIP: 'Applications, eligibility',
  PARTNER_CONFIRMATION: 'Third parties confirming membership',
  MEDICO_LEGAL_ASSISTANCE: 'Requests for and delivery of assistance',
  RISK_MANAGEMENT: 'Member Support Program, risk analytics',
  EDUCATION: 'Learning and event registration',
  EDI_REPORTING: 'Aggregate, de-identified EDI analysis',
  MEMBER_SELF_SERVICE: 'A member reading or correcting their own record',
  PRIVACY_OFFICE: 'Access and correction requests, consent, disclosures, audit',
  COMMUNICATIONS: 'Consented communications',
  SERVICE_EVALUATION: 'Service surveys: sent to consenting members after a service, reported in aggregate',
} as const;

export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_NAMES = Object.keys(PURPOSES) as Purpose[];

export const CATEGORIES = {
  PROFILE: 'Name, date of birth, identifiers of the person',
  EDI: 'Optional equity, diversity and inclusion answers',
  CONTACT: 'Addresses, email, telephone',
  PROFESSIONAL: 'Licensure, MINC, membership number, province, specialty, type of work',
  MEMBERSHIP: 'Status, periods, eligibility',
  FINANCIAL: 'Fees, payments, reimbursements',
  SURVEY: 'Survey answers',
  MEDICO_LEGAL: 'Matters, advice calls, Member Support Program',
  LEARNING: 'Learning record, registrations, education plans',
  PRIVACY_RECORD: 'Consents, access and correction requests, disclosures',
  COMMUNICATIONS: 'Communication preferences and history',
} as const;

export type DataCategory = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as DataCategory[];

/** Why a request was refused; `extensions.policy.rule` of a FORBIDDEN error. */
export const REFUSAL_RULES = {
  PURPOSE_REQUIRED: 'No purpose of use declared, or one the token may not declare',
  PURPOSE_SCOPE: 'A field whose category the declared purpose may not read',
  EDI_ISOLATION: 'EDI fields in the same operation as MEMBERSHIP or MEDICO_LEGAL fields, whatever the purpose',
  SUBJECT_SCOPE: "A member reading another member's record",
  ROLE_REQUIRED: 'A field that only principals holding a given role may use (publishing an EDI release: the EDI reporting lead)',
} as const;

export type RefusalRule = keyof typeof REFUSAL_RULES;

/** The request header that names the purpose of use. */
export const PURPOSE_HEADER = 'x-purpose-of-use';

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && Object.hasOwn(PURPOSES, value);
}

export function isCategory(value: unknown): value is DataCategory {
  return typeof value === 'string' && Object.hasOwn(CATEGORIES, value);
}
