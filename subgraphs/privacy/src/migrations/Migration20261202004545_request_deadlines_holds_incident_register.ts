import { Migration } from '@mikro-orm/migrations';

export class Migration20261202004545_request_deadlines_holds_incident_register extends Migration {

  override name = 'Migration20261202004545_request_deadlines_holds_incident_register';

  override up(): void | Promise<void> {
    this.addSql(`create type "privacy"."extension_ground" as enum ('INTERFERENCE_WITH_ACTIVITIES', 'CONSULTATIONS_NEEDED', 'CONVERSION_TO_ALTERNATIVE_FORMAT');`);
    this.addSql(`create type "privacy"."hold_ground" as enum ('REFUSED', 'DEEMED_REFUSED');`);
    this.addSql(`create table "privacy"."extension_notice" ("id" uuid not null, "request_id" uuid not null, "given_on" date not null, "original_due_on" date not null, "new_due_on" date not null, "ground" "privacy"."extension_ground" not null, "reason" text not null, "recourse" text not null, "given_by" varchar(200) not null, "recorded_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "privacy"."extension_notice" add constraint "extension_notice_request_id_unique" unique ("request_id");`);

    this.addSql(`create table "privacy"."disposition_hold" ("id" uuid not null, "request_id" uuid not null, "member_id" uuid not null, "ground" "privacy"."hold_ground" not null, "categories" text[] not null, "held_from" date not null, "held_until" date not null, "extension_reason" text null, "placed_by" varchar(200) not null, "placed_at" timestamptz not null, "released_on" date null, "released_by" varchar(200) null, "release_reason" text null, primary key ("id"));`);
    this.addSql(`create index "disposition_hold_request_id_index" on "privacy"."disposition_hold" ("request_id");`);
    this.addSql(`create index "disposition_hold_member_id_index" on "privacy"."disposition_hold" ("member_id");`);

    this.addSql(`alter table "privacy"."confidentiality_incident" add "information_description" text null, add "information_not_described_because" text null, add "occurrence_approximate" boolean not null default false, add "people_concerned_approximate" boolean not null default false, add "risk_sensitivity" text null, add "risk_possible_misuse" text null, add "risk_consequences" text null, add "risk_likelihood" text null, add "public_notice_given" boolean null, add "public_notice_reason" text null;`);

    this.addSql(`alter table "privacy"."privacy_request" add "refusal_reasons" text null, add "refusal_provision" text null, add "refusal_recourse" text null, add "refusal_sent_on" date null, add "refused_by" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."extension_notice" cascade;`);
    this.addSql(`drop table if exists "privacy"."disposition_hold" cascade;`);

    this.addSql(`alter table "privacy"."confidentiality_incident" drop column "information_description", drop column "information_not_described_because", drop column "occurrence_approximate", drop column "people_concerned_approximate", drop column "risk_sensitivity", drop column "risk_possible_misuse", drop column "risk_consequences", drop column "risk_likelihood", drop column "public_notice_given", drop column "public_notice_reason";`);

    this.addSql(`alter table "privacy"."privacy_request" drop column "refusal_reasons", drop column "refusal_provision", drop column "refusal_recourse", drop column "refusal_sent_on", drop column "refused_by";`);

    this.addSql(`drop type "privacy"."extension_ground";`);
    this.addSql(`drop type "privacy"."hold_ground";`);
  }

}
