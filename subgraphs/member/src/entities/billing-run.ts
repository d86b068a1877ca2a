import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A year's annual billing, recorded once (the year is the key): the run that issued it and the
 * privacy policy version its reminders carried. A later run for the same year issues only the
 * invoices still missing (members who became active since) under the same row's lock.
 */
@Entity({ tableName: 'billing_run' })
export class BillingRunRecord {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  year!: number;

  @Property({ type: 'datetime' })
  firstIssuedAt!: Date;

  @Property({ type: 'string', length: 16 })
  privacyPolicyVersion!: string;
}
