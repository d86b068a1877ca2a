import { GraphQLError } from 'graphql';
import { PROVINCES, type ProvinceCode } from '@mutual-graph/domain-codes';

/**
 * Transfers to service providers outside the member's province (Quebec's private-sector act, s. 17;
 * the privacy policy: information is "only transferred to service providers outside of your province
 * or territory of residence where [we conduct] a privacy impact assessment").
 *
 * A provider keeps the data at one or more locations: `CA-ON` (a province or territory of Canada,
 * ISO 3166-2) or a country outside Canada (`US`, ISO 3166-1). It may receive a category of the
 * information of members of a province or territory without an assessment only where it keeps the
 * data in that same province or territory and nowhere outside Canada; for every other pair of a
 * category and a province, a concluded, favourable assessment on record must cover both.
 *
 * Assessments are never rewritten: a later one supersedes. What stands for a pair is the latest
 * concluded assessment covering it (by its conclusion date, then by when it was recorded), so an
 * unfavourable assessment concluded after a favourable one withdraws it, and a transfer cannot
 * stand on the older one. A pending assessment decides nothing: it neither allows a transfer nor
 * withdraws one that stands.
 */

export const ASSESSMENT_CONCLUSIONS = ['PENDING', 'FAVOURABLE', 'UNFAVOURABLE'] as const;
export type Conclusion = (typeof ASSESSMENT_CONCLUSIONS)[number];

export interface AssessmentOnRecord {
  id: string;
  categories: readonly string[];
  memberProvinces: readonly string[];
  conclusion: Conclusion;
  concludedOn: string | null;
  recordedAt: Date;
}

export interface Transfer {
  categories: readonly string[];
  memberProvinces: readonly string[];
}

/** Why a transfer may not be marked: `extensions.reason` of the refusal. */
export const TRANSFER_REFUSALS = {
  NO_ASSESSMENT: 'no privacy impact assessment on record covers it',
  ASSESSMENT_PENDING: 'the privacy impact assessment that covers it is not concluded',
  ASSESSMENT_UNFAVOURABLE: 'the latest concluded privacy impact assessment that covers it is unfavourable',
} as const;
export type TransferRefusal = keyof typeof TRANSFER_REFUSALS;

export type TransferDecision = { allowed: true } | { allowed: false; reason: TransferRefusal; category: string; province: string };

/** A location as stored: `CA-XX` for a Canadian province or territory, a two-letter country code otherwise. */
export const isCanadianLocation = (location: string) => location.startsWith('CA-');
const provinceOf = (location: string) => location.slice(3);

/** The member provinces for which a provider keeping data at `locations` needs an assessment. */
export function provincesNeedingAssessment(locations: readonly string[], memberProvinces: readonly string[]): string[] {
  // Data kept outside Canada is outside every province: then every province needs one.
  if (locations.some((l) => !isCanadianLocation(l))) return [...memberProvinces];
  const kept = new Set(locations.map(provinceOf));
  return memberProvinces.filter((p) => !kept.has(p));
}

const later = (a: AssessmentOnRecord, b: AssessmentOnRecord) => (a.concludedOn! > b.concludedOn! || (a.concludedOn === b.concludedOn && a.recordedAt > b.recordedAt) ? a : b);

/** The concluded assessment that stands for one category of one province's members, if any. */
export function standingAssessment(assessments: readonly AssessmentOnRecord[], category: string, province: string): AssessmentOnRecord | undefined {
  return assessments
    .filter((a) => a.conclusion !== 'PENDING' && a.concludedOn !== null && a.categories.includes(category) && a.memberProvinces.includes(province))
    .reduce<AssessmentOnRecord | undefined>((best, a) => (best ? later(best, a) : a), undefined);
}

/** Whether a provider keeping data at `locations` may receive `transfer`, given the assessments on record for it. */
export function transferDecision(locations: readonly string[], transfer: Transfer, assessments: readonly AssessmentOnRecord[]): TransferDecision {
  for (const province of provincesNeedingAssessment(locations, transfer.memberProvinces)) {
    for (const category of transfer.categories) {
      const standing = standingAssessment(assessments, category, province);
      if (standing?.conclusion === 'FAVOURABLE') continue;
      const covering = assessments.some((a) => a.categories.includes(category) && a.memberProvinces.includes(province));
      const reason: TransferRefusal = standing ? 'ASSESSMENT_UNFAVOURABLE' : covering ? 'ASSESSMENT_PENDING' : 'NO_ASSESSMENT';
      return { allowed: false, reason, category, province };
    }
  }
  return { allowed: true };
}

/** The refusal of a transfer the rule does not allow: BAD_USER_INPUT naming the argument, with the reason. */
export function transferRefusal(argument: string, decision: Extract<TransferDecision, { allowed: false }>): GraphQLError {
  const whose = PROVINCES[decision.province as ProvinceCode] ?? decision.province;
  return new GraphQLError(`${decision.category} of members in ${whose} cannot go to this provider: ${TRANSFER_REFUSALS[decision.reason]}`, {
    extensions: { code: 'BAD_USER_INPUT', argument, reason: decision.reason, category: decision.category, province: decision.province },
  });
}
