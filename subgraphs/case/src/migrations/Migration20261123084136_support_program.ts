import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084136_support_program extends Migration {

  override name = 'Migration20261123084136_support_program';

  override up(): void | Promise<void> {
    this.addSql(`create type "casework"."support_program_status" as enum ('IDENTIFIED', 'ASSESSMENT', 'PLAN', 'ONGOING_SUPPORT', 'CLOSED');`);
    this.addSql(`create type "casework"."support_program_source" as enum ('IDENTIFICATION', 'MEMBER_REQUEST', 'STAFF_REFERRAL');`);
    this.addSql(`create table "casework"."support_program_enrolment" ("id" uuid not null, "member_id" uuid not null, "status" "casework"."support_program_status" not null, "source" "casework"."support_program_source" not null, "opened_on" date not null, "closed_on" date null, "contributing_factors" text[] not null, "member_perspective" text null, "history_snapshot" jsonb null, primary key ("id"));`);
    this.addSql(`create index "support_program_enrolment_member_id_opened_on_index" on "casework"."support_program_enrolment" ("member_id", "opened_on");`);

    this.addSql(`create table "casework"."enrolment_note" ("id" bigserial primary key, "enrolment_id" uuid not null, "written_at" timestamptz not null, "author" varchar(200) not null, "text" text not null);`);
    this.addSql(`create index "enrolment_note_enrolment_id_written_at_index" on "casework"."enrolment_note" ("enrolment_id", "written_at");`);

    this.addSql(`alter table "casework"."enrolment_note" add constraint "enrolment_note_enrolment_id_foreign" foreign key ("enrolment_id") references "casework"."support_program_enrolment" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "casework"."enrolment_note" drop constraint "enrolment_note_enrolment_id_foreign";`);

    this.addSql(`drop table if exists "casework"."support_program_enrolment" cascade;`);
    this.addSql(`drop table if exists "casework"."enrolment_note" cascade;`);

    this.addSql(`drop type "casework"."support_program_status";`);
    this.addSql(`drop type "casework"."support_program_source";`);
  }

}
