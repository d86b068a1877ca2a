import { DateScalar, Language, Province, NonPersonal } from '@mutual-graph/platform';
import { Field, InputType } from 'type-graphql';

@NonPersonal()
@InputType({ description: 'A licence with a College' })
export class CollegeRegistrationInput {
  @Field(() => Province)
  college!: Province;

  @Field()
  registrationNumber!: string;
}

@NonPersonal()
@InputType({ description: 'How to reach a member' })
export class ContactInput {
  @Field()
  email!: string;

  @Field()
  phone!: string;

  @Field()
  city!: string;

  @Field(() => Province)
  province!: Province;
}

@NonPersonal()
@InputType({ description: "A member's name and date of birth" })
export class ProfileInput {
  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => DateScalar)
  dateOfBirth!: Date;
}

@NonPersonal()
@InputType({ description: 'An application for membership: profile, contact and professional data (EDI answers go separately)' })
export class MembershipApplicationInput {
  @Field(() => ProfileInput)
  profile!: ProfileInput;

  @Field(() => ContactInput)
  contact!: ContactInput;

  @Field({ description: 'Medical Identification Number for Canada, CAMD-dddd-dddd' })
  minc!: string;

  @Field(() => [CollegeRegistrationInput])
  collegeRegistrations!: CollegeRegistrationInput[];

  @Field({ description: 'Type-of-work code, e.g. FM-NOB' })
  typeOfWork!: string;

  @Field(() => Province, { nullable: true, description: "The province or territory of practice; the mailing address's province when left out" })
  practiceProvince?: Province | null;

  @Field(() => Language, { defaultValue: Language.EN })
  preferredLanguage!: Language;
}

@NonPersonal()
@InputType({ description: 'Optional EDI answers; each may be left out, and PREFER_NOT_TO_SAY is an answer' })
export class EdiAnswersInput {
  @Field({ description: 'The member consents to the collection of these answers; required to be true' })
  consentToCollect!: boolean;

  @Field(() => String, { nullable: true })
  genderIdentity?: string | null;

  @Field(() => String, { nullable: true })
  indigenousIdentity?: string | null;

  @Field(() => String, { nullable: true })
  racializedIdentity?: string | null;

  @Field(() => String, { nullable: true })
  disability?: string | null;

  @Field(() => String, { nullable: true })
  sexualOrientation?: string | null;
}
