/**
 * The privacy policy's versions and what each changed, for the reminder members receive with
 * their annual billing (the policy says they are reminded of it and its updates then). Kept here,
 * in one place, until the privacy subgraph serves `privacyPolicyVersions` (issue 22), which should
 * then read these. Every invoice stores the version it reminded of.
 */
export interface PrivacyPolicyVersion {
  version: string;
  /** The first day this version is in force. */
  effectiveOn: string;
  /** What changed from the version before, in the members' words. */
  changes: readonly string[];
}

/** Oldest first; the last is the current version. */
export const PRIVACY_POLICY_VERSIONS: readonly PrivacyPolicyVersion[] = [
  {
    version: '2021.1',
    effectiveOn: '2021-01-01',
    changes: ['The policy as members first received it with their billing: what we collect, why, who sees it and how long we keep it.'],
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
      'Fee reimbursement programs: when your province’s program asks, we confirm what you paid for a year, and record each confirmation among your disclosures.',
      'Payments: we keep the amount, the date, the bank’s transfer reference and at most the last four digits of the account, never the full account or routing number.',
      'Invoices and payments are kept seven years after the end of their year, then destroyed.',
    ],
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
