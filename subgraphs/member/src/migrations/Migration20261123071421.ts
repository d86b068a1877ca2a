import { Migration } from '@mikro-orm/migrations';

export class Migration20261123071421 extends Migration {

  override name = 'Migration20261123071421';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "member";`);
    this.addSql(`create type "member"."province" as enum ('AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT');`);
    this.addSql(`create type "member"."membership_status" as enum ('APPLIED', 'ACTIVE', 'LAPSED', 'RESIGNED', 'RETIRED', 'DECEASED');`);
    this.addSql(`create type "member"."fee_region" as enum ('QUEBEC', 'ONTARIO', 'REST_OF_CANADA');`);
    this.addSql(`create table "member"."member" ("id" uuid not null, "membership_number" varchar(16) not null, "minc" varchar(14) null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "date_of_birth" date null, "preferred_language" varchar(2) not null, "email" varchar(254) not null, "phone" varchar(32) not null, "city" varchar(100) not null, "province" "member"."province" not null, "specialty" varchar(40) not null, "type_of_work" varchar(12) not null, "status" "member"."membership_status" not null, primary key ("id"));`);
    this.addSql(`alter table "member"."member" add constraint "member_membership_number_unique" unique ("membership_number");`);
    this.addSql(`alter table "member"."member" add constraint "member_minc_unique" unique ("minc");`);
    this.addSql(`create index "member_province_specialty_type_of_work_status_index" on "member"."member" ("province", "specialty", "type_of_work", "status");`);
    this.addSql(`create index "member_last_name_id_index" on "member"."member" ("last_name", "id");`);

    this.addSql(`create table "member"."membership_period" ("id" bigserial primary key, "member_id" uuid not null, "starts_on" date not null, "ends_on" date null, "type_of_work" varchar(12) not null, "fee_region" "member"."fee_region" not null);`);
    this.addSql(`create index "membership_period_member_id_starts_on_index" on "member"."membership_period" ("member_id", "starts_on");`);

    this.addSql(`alter table "member"."membership_period" add constraint "membership_period_member_id_foreign" foreign key ("member_id") references "member"."member" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member"."membership_period" drop constraint "membership_period_member_id_foreign";`);

    this.addSql(`drop table if exists "member"."member" cascade;`);
    this.addSql(`drop table if exists "member"."membership_period" cascade;`);

    this.addSql(`drop type "member"."province";`);
    this.addSql(`drop type "member"."membership_status";`);
    this.addSql(`drop type "member"."fee_region";`);
    this.addSql(`drop schema if exists "member";`);
  }

}
