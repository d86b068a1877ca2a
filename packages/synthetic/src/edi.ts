import { syntheticConsents } from './consents.js';
import type { SyntheticMember } from './members.js';
import { Domain, fakerFor, weighted } from './random.js';
import type { SyntheticOptions } from './options.js';

/**
 * Optional equity, diversity and inclusion answers, given only by members whose consent to
 * EDI collection is current. Any question may be left unanswered (null) or declined.
 */
export interface SyntheticEdiAnswers {
  memberId: string;
  genderIdentity: string | null;
  indigenousIdentity: string | null;
  racializedIdentity: string | null;
  disability: string | null;
  sexualOrientation: string | null;
  answeredOn: string;
}

const GENDER = [
  ['WOMAN', 47],
  ['MAN', 47],
  ['NON_BINARY', 1.5],
  ['ANOTHER_IDENTITY', 0.5],
  ['PREFER_NOT_TO_SAY', 4],
] as const;
const INDIGENOUS = [
  ['NOT_INDIGENOUS', 93],
  ['FIRST_NATIONS', 2],
  ['METIS', 1.5],
  ['INUK', 0.3],
  ['PREFER_NOT_TO_SAY', 3.2],
] as const;
const RACIALIZED = [
  ['NOT_RACIALIZED', 62],
  ['SOUTH_ASIAN', 12],
  ['EAST_ASIAN', 9],
  ['BLACK', 3],
  ['ARAB', 3],
  ['LATIN_AMERICAN', 2],
  ['SOUTHEAST_ASIAN', 2],
  ['ANOTHER_GROUP', 2],
  ['PREFER_NOT_TO_SAY', 5],
] as const;
const DISABILITY = [
  ['NO', 86],
  ['YES', 9],
  ['PREFER_NOT_TO_SAY', 5],
] as const;
const ORIENTATION = [
  ['HETEROSEXUAL', 87],
  ['GAY_OR_LESBIAN', 3],
  ['BISEXUAL', 2.5],
  ['ANOTHER_ORIENTATION', 1],
  ['PREFER_NOT_TO_SAY', 6.5],
] as const;

export function syntheticEdi(member: SyntheticMember, options: SyntheticOptions): SyntheticEdiAnswers | null {
  const consents = syntheticConsents(member, options).filter((c) => c.purpose === 'EDI_COLLECTION');
  const granted = consents.find((c) => c.decision === 'GRANTED');
  if (!granted || consents.some((c) => c.decision === 'WITHDRAWN')) return null;
  const faker = fakerFor(options.seed, member.index, Domain.edi);
  const answer = <T>(table: readonly (readonly [T, number])[]) => (faker.datatype.boolean(0.9) ? weighted(faker, table) : null);
  return {
    memberId: member.id,
    genderIdentity: answer(GENDER),
    indigenousIdentity: answer(INDIGENOUS),
    racializedIdentity: answer(RACIALIZED),
    disability: answer(DISABILITY),
    sexualOrientation: answer(ORIENTATION),
    answeredOn: granted.recordedAt.slice(0, 10),
  };
}
