import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The EDI store's own copy of every member's practice province and specialty, so that a release
 * counts EDI answers by province and specialty without the EDI store's ids ever reaching the
 * member schema. Seeded like every table and replaced, through the gateway, whenever the member
 * subgraph changes a member's practice (as the case subgraph's copy of periods is). Not served.
 */
@Entity({ tableName: 'member_practice' })
export class MemberPracticeCopy {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'string', length: 2 })
  province!: string;

  @Property({ type: 'string', length: 40 })
  specialty!: string;
}
