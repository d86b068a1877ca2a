import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The case subgraph's own copy of members' periods of protection (type of work and fee region
 * by date), kept for one reason: measuring exposure in member-years for the Member Support
 * Program's identification in one set-based statement. Seeded like every table, and replaced
 * whenever the member subgraph changes a member's periods (through the gateway). Not served.
 */
@Entity({ tableName: 'protection_period' })
@Index({ properties: ['memberId'] })
@Index({ properties: ['typeOfWork', 'feeRegion'] })
export class ProtectionPeriod {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Property({ type: 'string', length: 12 })
  typeOfWork!: string;

  @Property({ type: 'string', length: 20 })
  feeRegion!: string;
}
