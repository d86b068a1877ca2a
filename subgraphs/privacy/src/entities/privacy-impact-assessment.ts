import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Province } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AssessmentConclusion {
  PENDING = 'PENDING',
  FAVOURABLE = 'FAVOURABLE',
  UNFAVOURABLE = 'UNFAVOURABLE',
}
registerEnumType(AssessmentConclusion, { name: 'AssessmentConclusion', description: 'What a privacy impact assessment concluded, or that it has not yet' });

export enum InformationSensitivity {
  LOW = 'LOW',
  MODERATE = 'MODERATE',
  HIGH = 'HIGH',
}
registerEnumType(InformationSensitivity, { name: 'InformationSensitivity', description: 'How sensitive the information transferred is' });

/**
 * A privacy impact assessment of a transfer to a service provider outside the members' province:
 * which categories of the members of which provinces, how sensitive, for which purposes, the
 * safeguards, the destination's legal regime, and its conclusion, date and reviewer. Recorded
 * pending, concluded once, never rewritten: a later assessment supersedes it.
 */
@ObjectType({ description: 'A privacy impact assessment of a transfer to a service provider' })
@Entity({ tableName: 'privacy_impact_assessment' })
@Index({ properties: ['providerId'] })
export class PrivacyImpactAssessment {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => ID, { description: 'The service provider the transfer goes to' })
  @Property({ type: 'uuid' })
  providerId!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'The data categories the transfer covers' })
  @Property({ type: 'array' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => [Province], { description: 'The provinces and territories of the members whose information the transfer covers' })
  @Property({ type: 'array' })
  memberProvinces!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => InformationSensitivity)
  @Enum({ items: () => InformationSensitivity, nativeEnumName: 'information_sensitivity' })
  sensitivity!: InformationSensitivity;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'The purposes of use the information is transferred for' })
  @Property({ type: 'array' })
  purposes!: string[];

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The contractual, technical and organisational safeguards' })
  @Property({ type: 'text' })
  safeguards!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The legal regime of the place the data is kept, and how it protects the information' })
  @Property({ type: 'text' })
  destinationLegalRegime!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => AssessmentConclusion)
  @Enum({ items: () => AssessmentConclusion, nativeEnumName: 'assessment_conclusion' })
  conclusion!: AssessmentConclusion;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'Why it concluded as it did' })
  @Property({ type: 'text', nullable: true })
  reasoning!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  concludedOn!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'The office principal who concluded it' })
  @Property({ type: 'text', nullable: true })
  reviewer!: string | null;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The office principal who recorded it' })
  @Property({ type: 'text' })
  recordedBy!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
