import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Whom an incident may have to be reported to. */
export enum IncidentNotifiee {
  /** Quebec's Commission d'accès à l'information. */
  COMMISSION_ACCES_INFORMATION = 'COMMISSION_ACCES_INFORMATION',
  /** The Office of the Privacy Commissioner of Canada (PIPEDA breach report). */
  PRIVACY_COMMISSIONER_OF_CANADA = 'PRIVACY_COMMISSIONER_OF_CANADA',
  PERSONS_CONCERNED = 'PERSONS_CONCERNED',
  /** An organisation that could reduce the risk (a hospital, a College, the police). */
  OTHER_ORGANISATION = 'OTHER_ORGANISATION',
}
registerEnumType(IncidentNotifiee, { name: 'IncidentNotifiee' });

/** Who must be told of an incident that presents a risk of serious injury. */
export const REQUIRED_NOTIFICATIONS: readonly IncidentNotifiee[] = [IncidentNotifiee.COMMISSION_ACCES_INFORMATION, IncidentNotifiee.PERSONS_CONCERNED];

/** One notification of a confidentiality incident: who was told, when, and how. */
@ObjectType({ description: 'Who was told of a confidentiality incident, and when' })
@Entity({ tableName: 'incident_notification' })
@Index({ properties: ['incidentId'] })
export class IncidentNotification {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  incidentId!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => IncidentNotifiee)
  @Enum({ items: () => IncidentNotifiee, nativeEnumName: 'incident_notifiee' })
  notified!: IncidentNotifiee;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  notifiedOn!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: "Who exactly, and how (the organisation's name, a letter to each person, a public notice)" })
  @Property({ type: 'text' })
  details!: string;
}
