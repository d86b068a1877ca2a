import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The assessment Quebec's private-sector privacy law asks for: is there a risk of serious injury? */
export enum InjuryRisk {
  NOT_ASSESSED = 'NOT_ASSESSED',
  NO_SERIOUS_RISK = 'NO_SERIOUS_RISK',
  RISK_OF_SERIOUS_INJURY = 'RISK_OF_SERIOUS_INJURY',
}
registerEnumType(InjuryRisk, { name: 'InjuryRisk', description: 'Whether a confidentiality incident presents a risk of serious injury' });

/**
 * A confidentiality incident: access, use or communication of personal information not authorised
 * by law, or its loss. The register keeps what the law asks of it: what happened and when, whose
 * information and which kinds, the risk of serious injury and why, what was done about it, and
 * (in IncidentNotification) who was told and when.
 */
@ObjectType({ description: 'An entry in the register of confidentiality incidents' })
@Entity({ tableName: 'confidentiality_incident' })
@Index({ properties: ['discoveredOn'] })
@Index({ properties: ['memberIds'], type: 'gin' })
export class ConfidentialityIncident {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'What happened, and the circumstances' })
  @Property({ type: 'text' })
  description!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'When it happened, or began' })
  @Property({ type: 'date' })
  occurredFrom!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: 'When it ended, for an incident over a period' })
  @Property({ type: 'date', nullable: true })
  occurredTo!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'When the organisation became aware of it' })
  @Property({ type: 'date' })
  discoveredOn!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(1): a description of the personal information concerned' })
  @Property({ type: 'text', nullable: true })
  informationDescription!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(1): when the information is not known, why it cannot be described' })
  @Property({ type: 'text', nullable: true })
  informationNotDescribedBecause!: string | null;

  @Category('PRIVACY_RECORD')
  @Field({ description: 's. 7(3): the dates are an approximation (the exact date or period is not known)' })
  @Property({ type: 'boolean', default: false })
  occurrenceApproximate!: boolean;

  @Category('PRIVACY_RECORD')
  @Field({ description: 's. 7(5): the number of persons concerned is an approximation' })
  @Property({ type: 'boolean', default: false })
  peopleConcernedApproximate!: boolean;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'The data categories of the information concerned' })
  @Property({ type: 'array' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => [ID], { description: 'Members whose information is concerned, where they are known' })
  @Property({ type: 'array' })
  memberIds!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => Int, { description: 'How many people are concerned, known by name or not' })
  @Property({ type: 'integer' })
  peopleConcerned!: number;

  @Category('PRIVACY_RECORD')
  @Field(() => InjuryRisk)
  @Enum({ items: () => InjuryRisk, nativeEnumName: 'injury_risk' })
  injuryRisk!: InjuryRisk;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'Why: the sensitivity of the information, the anticipated consequences of its use, the likelihood of misuse' })
  @Property({ type: 'text', nullable: true })
  riskReasoning!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  assessedOn!: string | null;

  // s. 7(6): the elements the conclusion rests on, each in words (absent on entries assessed before they were kept).
  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(6): the sensitivity of the information concerned' })
  @Property({ type: 'text', nullable: true })
  riskSensitivity!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(6): the possible ill-intentioned uses of the information' })
  @Property({ type: 'text', nullable: true })
  riskPossibleMisuse!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(6): the anticipated consequences of its use' })
  @Property({ type: 'text', nullable: true })
  riskConsequences!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(6): the likelihood that it is used for injurious purposes' })
  @Property({ type: 'text', nullable: true })
  riskLikelihood!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => Boolean, { nullable: true, description: 's. 7(7): whether public notices were given; absent until decided' })
  @Property({ type: 'boolean', nullable: true })
  publicNoticeGiven!: boolean | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 's. 7(7): why public notices were given (or why not)' })
  @Property({ type: 'text', nullable: true })
  publicNoticeReason!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'Measures taken to reduce the risk of injury and to prevent another incident' })
  @Property({ type: 'text', nullable: true })
  measuresTaken!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
