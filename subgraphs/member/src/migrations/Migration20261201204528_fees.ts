import { Migration } from '@mikro-orm/migrations';

export class Migration20261201204528_fees extends Migration {

  override name = 'Migration20261201204528_fees';

  override up(): void | Promise<void> {
    this.addSql(`create table "member"."billing_run" ("year" smallint not null, "first_issued_at" timestamptz not null, "privacy_policy_version" varchar(16) not null, primary key ("year"));`);

    this.addSql(`create table "member"."fee_reimbursement_program" ("id" bigserial primary key, "partner_id" varchar(64) not null, "name" varchar(120) not null, "province" "member"."province" not null, "share_basis_points" smallint null, "from_year" smallint not null, "to_year" smallint null);`);
    this.addSql(`alter table "member"."fee_reimbursement_program" add constraint "fee_reimbursement_program_partner_id_province_unique" unique ("partner_id", "province");`);

    this.addSql(`create table "member"."fee_schedule_entry" ("id" bigserial primary key, "year" smallint not null, "type_of_work" varchar(12) not null, "fee_region" "member"."fee_region" not null, "annual_amount_cents" int not null);`);
    this.addSql(`alter table "member"."fee_schedule_entry" add constraint "fee_schedule_entry_year_type_of_work_fee_region_unique" unique ("year", "type_of_work", "fee_region");`);

    this.addSql(`create table "member"."membership_fee" ("id" uuid not null, "member_id" uuid not null, "year" smallint not null, "amount_cents" int not null, "covered_from" date not null, "covered_to" date not null, "issued_on" date not null, "privacy_policy_version" varchar(16) not null, primary key ("id"));`);
    this.addSql(`create index "membership_fee_year_index" on "member"."membership_fee" ("year");`);
    this.addSql(`alter table "member"."membership_fee" add constraint "membership_fee_member_id_year_unique" unique ("member_id", "year");`);

    this.addSql(`create table "member"."fee_refund" ("id" uuid not null, "fee_id" uuid not null, "member_id" uuid not null, "reason" varchar(8) not null, "left_on" date not null, "unused_cents" int not null, "refund_cents" int not null, primary key ("id"));`);
    this.addSql(`alter table "member"."fee_refund" add constraint "fee_refund_fee_id_unique" unique ("fee_id");`);

    this.addSql(`create table "member"."fee_payment" ("id" uuid not null, "fee_id" uuid not null, "member_id" uuid not null, "amount_cents" int not null, "paid_on" date not null, "bank_reference" varchar(35) not null, "account_last4" char(4) null, primary key ("id"));`);
    this.addSql(`alter table "member"."fee_payment" add constraint "fee_payment_bank_reference_unique" unique ("bank_reference");`);
    this.addSql(`create index "fee_payment_fee_id_index" on "member"."fee_payment" ("fee_id");`);

    this.addSql(`alter table "member"."membership_fee" add constraint "membership_fee_member_id_foreign" foreign key ("member_id") references "member"."member" ("id") on delete cascade;`);

    this.addSql(`alter table "member"."fee_refund" add constraint "fee_refund_fee_id_foreign" foreign key ("fee_id") references "member"."membership_fee" ("id") on delete cascade;`);

    this.addSql(`alter table "member"."fee_payment" add constraint "fee_payment_fee_id_foreign" foreign key ("fee_id") references "member"."membership_fee" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member"."fee_refund" drop constraint "fee_refund_fee_id_foreign";`);
    this.addSql(`alter table "member"."fee_payment" drop constraint "fee_payment_fee_id_foreign";`);

    this.addSql(`drop table if exists "member"."billing_run" cascade;`);
    this.addSql(`drop table if exists "member"."fee_reimbursement_program" cascade;`);
    this.addSql(`drop table if exists "member"."fee_schedule_entry" cascade;`);
    this.addSql(`drop table if exists "member"."membership_fee" cascade;`);
    this.addSql(`drop table if exists "member"."fee_refund" cascade;`);
    this.addSql(`drop table if exists "member"."fee_payment" cascade;`);
  }

}
