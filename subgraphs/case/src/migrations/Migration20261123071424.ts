import { Migration } from '@mikro-orm/migrations';

export class Migration20261123071424 extends Migration {

  override name = 'Migration20261123071424';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "casework";`);
    this.addSql(`create type "casework"."advice_topic" as enum ('CONSENT', 'DOCUMENTATION', 'CONFIDENTIALITY', 'COLLEGE_COMPLAINT', 'LEGAL_ACTION', 'HOSPITAL_ISSUE', 'BILLING', 'PRACTICE_MANAGEMENT', 'THREATS_AND_HARASSMENT', 'OTHER');`);
    this.addSql(`create type "casework"."language" as enum ('EN', 'FR');`);
    this.addSql(`create type "casework"."matter_kind" as enum ('CIVIL_ACTION', 'COLLEGE_COMPLAINT', 'HOSPITAL_COMPLAINT', 'HOSPITAL_PRIVILEGES', 'OTHER');`);
    this.addSql(`create type "casework"."province" as enum ('AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT');`);
    this.addSql(`create type "casework"."matter_status" as enum ('OPEN', 'CLOSED');`);
    this.addSql(`create type "casework"."matter_outcome" as enum ('DISMISSED', 'DISCONTINUED', 'SETTLED_WITH_COMPENSATION', 'JUDGMENT_FOR_PATIENT', 'JUDGMENT_FOR_PHYSICIAN', 'COLLEGE_NO_ACTION', 'COLLEGE_CAUTION', 'COLLEGE_DISCIPLINE', 'RESOLVED');`);
    this.addSql(`create table "casework"."advice_call" ("id" uuid not null, "member_id" uuid not null, "called_on" date not null, "topic" "casework"."advice_topic" not null, "language" "casework"."language" not null, "duration_minutes" int not null, "follow_up" boolean not null, primary key ("id"));`);
    this.addSql(`create index "advice_call_member_id_called_on_index" on "casework"."advice_call" ("member_id", "called_on");`);

    this.addSql(`create table "casework"."medico_legal_matter" ("id" uuid not null, "member_id" uuid not null, "kind" "casework"."matter_kind" not null, "province" "casework"."province" not null, "opened_on" date not null, "closed_on" date null, "status" "casework"."matter_status" not null, "outcome" "casework"."matter_outcome" null, "compensation_paid_cad" numeric(14,2) null, primary key ("id"));`);
    this.addSql(`create index "medico_legal_matter_member_id_opened_on_index" on "casework"."medico_legal_matter" ("member_id", "opened_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "casework"."advice_call" cascade;`);
    this.addSql(`drop table if exists "casework"."medico_legal_matter" cascade;`);

    this.addSql(`drop type "casework"."advice_topic";`);
    this.addSql(`drop type "casework"."language";`);
    this.addSql(`drop type "casework"."matter_kind";`);
    this.addSql(`drop type "casework"."province";`);
    this.addSql(`drop type "casework"."matter_status";`);
    this.addSql(`drop type "casework"."matter_outcome";`);
    this.addSql(`drop schema if exists "casework";`);
  }

}
