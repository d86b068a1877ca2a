import type { DataCategory, Purpose } from './vocabulary.js';

/**
 * The privacy policy's versions: what each changed, and the uses of information it introduced.
 * The one place they are kept: the privacy subgraph serves them (`privacyPolicyVersions`), every
 * consent and every invoice stores the version in force when it was given or issued, and a use a
 * later version introduced is served for information collected before it only on the basis the
 * version declares (`consentNeededFor`).
 */

/** The consents the privacy subgraph keeps that a use may rest on (its ConsentPurpose values). */
export type ConsentPurposeName = 'COMMUNICATIONS' | 'EDI_COLLECTION' | 'SURVEYS' | 'THIRD_PARTY_DISCLOSURE' | 'FEE_REIMBURSEMENT';

/**
 * What a new use rests on for information collected before the policy announced it: the member's
 * consent for it, on record and current; or a provision of law that permits the use without it.
 */
export type UseBasis = { consent: ConsentPurposeName } | { law: string };

/** A purpose of use given categories of information it did not read before. */
export interface PurposeUse {
  purpose: Purpose;
  categories: readonly DataCategory[];
  basis: UseBasis;
}

export interface PrivacyPolicyVersion {
  version: string;
  /** The first day this version is in force. */
  effectiveOn: string;
  /** What changed from the version before, in the members' words. */
  changes: readonly string[];
  /** The first version only: the purposes the policy named from the start. */
  purposes?: readonly Purpose[];
  /** Later versions: the uses they introduced, each with its basis for information already held. */
  newUses?: readonly PurposeUse[];
}

/** Oldest first; the last is the current version. */
export const PRIVACY_POLICY_VERSIONS: readonly PrivacyPolicyVersion[] = [
  {
    version: '2021.1',
    effectiveOn: '2021-01-01',
    changes: ['The policy as members first received it with their billing: what we collect, why, who sees it and how long we keep it.'],
    purposes: [
      'MEMBERSHIP',
      'PARTNER_CONFIRMATION',
      'MEDICO_LEGAL_ASSISTANCE',
      'RISK_MANAGEMENT',
      'EDUCATION',
      'EDI_REPORTING',
      'MEMBER_SELF_SERVICE',
      'PRIVACY_OFFICE',
      'COMMUNICATIONS',
      'SERVICE_EVALUATION',
    ],
  },
  {
    version: '2023.1',
    effectiveOn: '2023-09-22',
    changes: [
      'A person in charge of the protection of personal information, named with how to reach them.',
      'Confidentiality incidents: how we assess them and when we tell you and the Commission.',
      'Your equity, diversity and inclusion answers: collected only with your consent and reported only in aggregate.',
    ],
  },
  {
    version: '2026.1',
    effectiveOn: '2026-01-01',
    changes: [
      'Fee reimbursement programs: when your province’s program asks, we confirm what you paid for a year, and record each confirmation among your disclosures. For fees billed before this version, only once you consent to it.',
      'Payments: we keep the amount, the date, the bank’s transfer reference and at most the last four digits of the account, never the full account or routing number.',
      'Invoices and payments are kept seven years after the end of their year, then destroyed.',
    ],
    // Fees billed under an earlier version were collected for membership alone: the program hears of them only with the member's consent.
    newUses: [{ purpose: 'PARTNER_CONFIRMATION', categories: ['FINANCIAL'], basis: { consent: 'FEE_REIMBURSEMENT' } }],
  },
];

/** The version in force on `day` (`YYYY-MM-DD`): the latest whose first day is not after it (the first version before any). */
export function privacyPolicyOn(day: string): PrivacyPolicyVersion {
  return PRIVACY_POLICY_VERSIONS.findLast((v) => v.effectiveOn <= day) ?? PRIVACY_POLICY_VERSIONS[0];
}

/** A stored version's entry; undefined for a version this list does not hold. */
export function privacyPolicyVersion(version: string): PrivacyPolicyVersion | undefined {
  return PRIVACY_POLICY_VERSIONS.find((v) => v.version === version);
}

/** The version that introduced reading `category` under `purpose`, with the use; undefined when the first version had it. */
export function useIntroduction(purpose: Purpose, category: DataCategory): { version: PrivacyPolicyVersion; use: PurposeUse } | undefined {
  for (const version of PRIVACY_POLICY_VERSIONS) {
    const use = version.newUses?.find((u) => u.purpose === purpose && u.categories.includes(category));
    if (use) return { version, use };
  }
  return undefined;
}

/**
 * The consent a use needs before it may be served with information collected under the version
 * `collectedUnder`: the consent its introducing version names, when the information predates that
 * version; null when the use was announced when the information was collected, or the law permits
 * it. A version this list does not hold counts as the first (the strictest reading).
 */
export function consentNeededFor(purpose: Purpose, category: DataCategory, collectedUnder: string): ConsentPurposeName | null {
  const introduced = useIntroduction(purpose, category);
  if (!introduced || !('consent' in introduced.use.basis)) return null;
  const collected = privacyPolicyVersion(collectedUnder) ?? PRIVACY_POLICY_VERSIONS[0];
  return collected.effectiveOn < introduced.version.effectiveOn ? introduced.use.basis.consent : null;
}
