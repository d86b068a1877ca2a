import { readFileSync } from 'node:fs';

// An oracle for the policy that shares no code with it: categories read line by line from the
// supergraph's text, the matrix written out by hand from the privacy policy (issue 3).

export const PURPOSES = [
  'MEMBERSHIP',
  'PARTNER_CONFIRMATION',
  'MEDICO_LEGAL_ASSISTANCE',
  'RISK_MANAGEMENT',
  'EDUCATION',
  'EDI_REPORTING',
  'MEMBER_SELF_SERVICE',
  'PRIVACY_OFFICE',
  'COMMUNICATIONS',
] as const;
export type OraclePurpose = (typeof PURPOSES)[number];

const ALL = ['PROFILE', 'EDI', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'FINANCIAL', 'SURVEY', 'MEDICO_LEGAL', 'LEARNING', 'PRIVACY_RECORD', 'COMMUNICATIONS'];
export const MAY_READ: Record<OraclePurpose, string[]> = {
  MEMBERSHIP: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'FINANCIAL'],
  PARTNER_CONFIRMATION: ['MEMBERSHIP'],
  MEDICO_LEGAL_ASSISTANCE: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'MEDICO_LEGAL'],
  RISK_MANAGEMENT: ['PROFILE', 'PROFESSIONAL', 'MEDICO_LEGAL', 'LEARNING'],
  EDUCATION: ['PROFILE', 'CONTACT', 'LEARNING'],
  EDI_REPORTING: [],
  MEMBER_SELF_SERVICE: ALL,
  PRIVACY_OFFICE: ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'PRIVACY_RECORD'],
  COMMUNICATIONS: ['PROFILE', 'CONTACT', 'COMMUNICATIONS'],
};
/** Fields only some purposes may use, whatever their category (the Member Support Program's records, what the member alone is shown). */
export const BOUND_FIELDS: Record<string, OraclePurpose[]> = {
  'Member.supportProgram': ['RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE'],
  'Member.identificationExplanation': ['RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE'],
  'Member.identificationObservations': ['RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE'],
  'Member.supportSuggestions': ['MEMBER_SELF_SERVICE'],
  'Member.serviceProviders': ['MEMBER_SELF_SERVICE'],
  // Read by the member subgraph's peer call for fee reimbursement, and by the member themself.
  'Member.feeReimbursementPreferences': ['PARTNER_CONFIRMATION', 'MEMBER_SELF_SERVICE'],
};

/** Purposes that may use only some root fields. */
export const ONLY_ROOTS: Partial<Record<OraclePurpose, string[]>> = {
  PARTNER_CONFIRMATION: ['membershipConfirmation'],
  EDI_REPORTING: ['ediSummary'],
  // Communications reach members through their consents, never through the plain members list.
  COMMUNICATIONS: ['communicationsAudience', 'member'],
};

/** `Type.field` → category, or null for non-personal, read from the supergraph's lines. */
export function categoriesFromSupergraphText(path: string): Map<string, string | null> {
  const categories = new Map<string, string | null>();
  let type: string | null = null;
  let typeNonPersonal = false;
  let header: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const opens = /^type (\w+)/.exec(line);
    if (opens) {
      type = opens[1]!;
      header = [line];
      typeNonPersonal = false;
      continue;
    }
    if (type && header.length > 0) {
      if (line === '{') {
        typeNonPersonal = header.some((h) => h.includes('@nonPersonal'));
        header = [];
      } else {
        header.push(line);
      }
      continue;
    }
    if (line === '}') {
      type = null;
      continue;
    }
    const field = type ? /^ {2}(\w+)[(:]/.exec(line) : null;
    if (!field) continue;
    const category = /@dataCategory\(category: (\w+)\)/.exec(line)?.[1];
    if (category) categories.set(`${type}.${field[1]}`, category);
    else if (typeNonPersonal || line.includes('@nonPersonal')) categories.set(`${type}.${field[1]}`, null);
  }
  return categories;
}

export interface OracleVerdict {
  allowed: boolean;
  rule?: 'PURPOSE_REQUIRED' | 'EDI_ISOLATION' | 'PURPOSE_SCOPE' | 'SUBJECT_SCOPE';
}

/** What the policy must decide for these fields and roots (self-service roots are own-record by construction). */
export function oracleDecide(purpose: OraclePurpose, coordinates: string[], roots: string[], categories: Map<string, string | null>, ownRootsOnly: boolean): OracleVerdict {
  // The internal graph: partners confirm membership on the partner graph only.
  if (purpose === 'PARTNER_CONFIRMATION') return { allowed: false, rule: 'PURPOSE_REQUIRED' };
  const touched = new Set(coordinates.map((c) => categories.get(c)).filter((c): c is string => typeof c === 'string'));
  if (touched.has('EDI') && (touched.has('MEMBERSHIP') || touched.has('MEDICO_LEGAL'))) return { allowed: false, rule: 'EDI_ISOLATION' };
  const onlyRoots = ONLY_ROOTS[purpose];
  const bound = coordinates.some((c) => BOUND_FIELDS[c] && !BOUND_FIELDS[c].includes(purpose));
  if (bound || [...touched].some((c) => !MAY_READ[purpose].includes(c)) || (onlyRoots && roots.some((r) => !onlyRoots.includes(r)))) return { allowed: false, rule: 'PURPOSE_SCOPE' };
  if (purpose === 'MEMBER_SELF_SERVICE' && !ownRootsOnly) return { allowed: false, rule: 'SUBJECT_SCOPE' };
  return { allowed: true };
}
