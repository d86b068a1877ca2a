import { registerEnumType } from 'type-graphql';

/** What an EDI summary can be grouped by: the EDI questions, and province and specialty. */
export enum EdiDimension {
  GENDER_IDENTITY = 'GENDER_IDENTITY',
  INDIGENOUS_IDENTITY = 'INDIGENOUS_IDENTITY',
  RACIALIZED_IDENTITY = 'RACIALIZED_IDENTITY',
  DISABILITY = 'DISABILITY',
  SEXUAL_ORIENTATION = 'SEXUAL_ORIENTATION',
  PROVINCE = 'PROVINCE',
  SPECIALTY = 'SPECIALTY',
}

registerEnumType(EdiDimension, { name: 'EdiDimension', description: 'A dimension an EDI summary can be grouped by' });

/** A question left unanswered is a value of its own; "prefer not to say" is an answer, not a gap. */
export const NOT_ANSWERED = 'NOT_ANSWERED';

/** The answers each EDI question offers, so that empty combinations show as zero rather than vanish. */
export const EDI_ANSWERS: Partial<Record<EdiDimension, readonly string[]>> = {
  GENDER_IDENTITY: ['WOMAN', 'MAN', 'NON_BINARY', 'ANOTHER_IDENTITY', 'PREFER_NOT_TO_SAY', NOT_ANSWERED],
  INDIGENOUS_IDENTITY: ['NOT_INDIGENOUS', 'FIRST_NATIONS', 'METIS', 'INUK', 'PREFER_NOT_TO_SAY', NOT_ANSWERED],
  RACIALIZED_IDENTITY: ['NOT_RACIALIZED', 'SOUTH_ASIAN', 'EAST_ASIAN', 'BLACK', 'ARAB', 'LATIN_AMERICAN', 'SOUTHEAST_ASIAN', 'ANOTHER_GROUP', 'PREFER_NOT_TO_SAY', NOT_ANSWERED],
  DISABILITY: ['NO', 'YES', 'PREFER_NOT_TO_SAY', NOT_ANSWERED],
  SEXUAL_ORIENTATION: ['HETEROSEXUAL', 'GAY_OR_LESBIAN', 'BISEXUAL', 'ANOTHER_ORIENTATION', 'PREFER_NOT_TO_SAY', NOT_ANSWERED],
};

/** The EdiProfile column behind each EDI question. */
export const EDI_COLUMN = {
  GENDER_IDENTITY: 'genderIdentity',
  INDIGENOUS_IDENTITY: 'indigenousIdentity',
  RACIALIZED_IDENTITY: 'racializedIdentity',
  DISABILITY: 'disability',
  SEXUAL_ORIENTATION: 'sexualOrientation',
} as const;
