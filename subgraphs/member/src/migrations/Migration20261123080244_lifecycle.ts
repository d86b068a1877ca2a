import { Migration } from '@mikro-orm/migrations';

export class Migration20261123080244_lifecycle extends Migration {

  override name = 'Migration20261123080244_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(`create table "member"."college_registration" ("id" bigserial primary key, "member_id" uuid not null, "college" "member"."province" not null, "registration_number" varchar(20) not null);`);
    this.addSql(`alter table "member"."college_registration" add constraint "college_registration_college_registration_number_unique" unique ("college", "registration_number");`);

    this.addSql(`create table "member"."membership_status_change" ("id" bigserial primary key, "member_id" uuid not null, "from_status" "member"."membership_status" null, "to_status" "member"."membership_status" not null, "effective_on" date not null, "recorded_at" timestamptz not null);`);
    this.addSql(`create index "membership_status_change_member_id_effective_on_index" on "member"."membership_status_change" ("member_id", "effective_on");`);

    this.addSql(`alter table "member"."college_registration" add constraint "college_registration_member_id_foreign" foreign key ("member_id") references "member"."member" ("id") on delete cascade;`);

    this.addSql(`alter table "member"."membership_status_change" add constraint "membership_status_change_member_id_foreign" foreign key ("member_id") references "member"."member" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "member"."college_registration" cascade;`);
    this.addSql(`drop table if exists "member"."membership_status_change" cascade;`);
  }

}
