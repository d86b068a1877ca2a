import { Migration } from '@mikro-orm/migrations';

export class Migration20261123083754_protection_periods extends Migration {

  override name = 'Migration20261123083754_protection_periods';

  override up(): void | Promise<void> {
    this.addSql(`create table "casework"."protection_period" ("id" bigserial primary key, "member_id" uuid not null, "starts_on" date not null, "ends_on" date null, "type_of_work" varchar(12) not null, "fee_region" varchar(20) not null);`);
    this.addSql(`create index "protection_period_type_of_work_fee_region_index" on "casework"."protection_period" ("type_of_work", "fee_region");`);
    this.addSql(`create index "protection_period_member_id_index" on "casework"."protection_period" ("member_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "casework"."protection_period" cascade;`);
  }

}
