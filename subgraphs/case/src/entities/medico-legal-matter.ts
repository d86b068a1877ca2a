import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Province } from '@mutual-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MatterKind, MatterOutcome, MatterStatus } from './matter-enums.js';

/** A civil action, College complaint or hospital matter in which the organisation assisted a member. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A medico-legal matter' })
@Entity({ tableName: 'medico_legal_matter' })
@Index({ properties: ['memberId', 'openedOn'] })
export class MedicoLegalMatter {
  @Category('MEDICO_LEGAL')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The member's id in the member subgraph; no foreign key crosses subgraph schemas. */
  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => MatterKind)
  @Enum({ items: () => MatterKind, nativeEnumName: 'matter_kind' })
  kind!: MatterKind;

  @Category('MEDICO_LEGAL')
  @Field(() => Province)
  @Enum({ items: () => Province, nativeEnumName: 'province' })
  province!: Province;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  openedOn!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Category('MEDICO_LEGAL')
  @Field(() => MatterStatus)
  @Enum({ items: () => MatterStatus, nativeEnumName: 'matter_status' })
  status!: MatterStatus;

  @Category('MEDICO_LEGAL')
  @Field(() => MatterOutcome, { nullable: true })
  @Enum({ items: () => MatterOutcome, nativeEnumName: 'matter_outcome', nullable: true })
  outcome!: MatterOutcome | null;

  @Category('MEDICO_LEGAL')
  @Field(() => String, { nullable: true, description: 'The physician advisor assigned' })
  @Property({ type: 'string', length: 100, nullable: true })
  physicianAdvisor!: string | null;

  @Category('MEDICO_LEGAL')
  @Field(() => String, { nullable: true, description: 'Counsel retained, when any' })
  @Property({ type: 'string', length: 100, nullable: true })
  counsel!: string | null;

  /** CAD paid to the patient, served as `compensationPaid: Money`. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  compensationPaidCad!: string | null;
}
