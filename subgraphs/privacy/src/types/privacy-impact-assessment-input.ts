import { NonPersonal, Province } from '@mutual-graph/platform';
import { Field, ID, InputType } from 'type-graphql';
import { InformationSensitivity } from '../entities/privacy-impact-assessment.js';

@NonPersonal()
@InputType({ description: 'A privacy impact assessment of a transfer to a service provider, as first recorded (pending)' })
export class PrivacyImpactAssessmentInput {
  @Field(() => ID)
  providerId!: string;

  @Field(() => [String], { description: 'Data categories the transfer covers' })
  categories!: string[];

  @Field(() => [Province], { description: 'Provinces and territories of the members whose information the transfer covers' })
  memberProvinces!: Province[];

  @Field(() => InformationSensitivity)
  sensitivity!: InformationSensitivity;

  @Field(() => [String], { description: 'Purposes of use the information is transferred for' })
  purposes!: string[];

  @Field({ description: 'Safeguards (10 to 5,000 characters)' })
  safeguards!: string;

  @Field({ description: "The destination's legal regime (10 to 5,000 characters)" })
  destinationLegalRegime!: string;
}
