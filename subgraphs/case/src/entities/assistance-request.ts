import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Provenance } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MatterKind } from './matter-enums.js';

export enum RequestSource {
  MEMBER = 'MEMBER',
  STAFF = 'STAFF',
}
registerEnumType(RequestSource, { name: 'AssistanceRequestSource' });

export enum AssistanceRequestStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(AssistanceRequestStatus, { name: 'AssistanceRequestStatus' });

/**
 * A member's request for medico-legal assistance, for events on a date. Recorded only once the
 * member's membership on that date has been confirmed (protection follows the date of care).
 */
@ObjectType({ description: 'A request for medico-legal assistance' })
@Entity({ tableName: 'assistance_request' })
@Index({ properties: ['memberId', 'requestedAt'] })
export class AssistanceRequest {
  @Category('MEDICO_LEGAL')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field(() => MatterKind)
  @Enum({ items: () => MatterKind, nativeEnumName: 'matter_kind' })
  kind!: MatterKind;

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field(() => DateScalar, { description: 'When the events (the care in question) took place' })
  @Property({ type: 'date' })
  eventsOn!: string;

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field()
  @Property({ type: 'text' })
  summary!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => AssistanceRequestStatus)
  @Enum({ items: () => AssistanceRequestStatus, nativeEnumName: 'assistance_request_status' })
  status!: AssistanceRequestStatus;

  @Category('MEDICO_LEGAL')
  @Field(() => RequestSource)
  @Enum({ items: () => RequestSource, nativeEnumName: 'assistance_request_source' })
  source!: RequestSource;

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  requestedAt!: Date;
}
