import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105300_incident_register extends Migration {

  override name = 'Migration20261123105300_incident_register';

  override up(): void | Promise<void> {
    this.addSql(`create type "privacy"."injury_risk" as enum ('NOT_ASSESSED', 'NO_SERIOUS_RISK', 'RISK_OF_SERIOUS_INJURY');`);
    this.addSql(`create type "privacy"."incident_notifiee" as enum ('COMMISSION_ACCES_INFORMATION', 'PRIVACY_COMMISSIONER_OF_CANADA', 'PERSONS_CONCERNED', 'OTHER_ORGANISATION');`);
    this.addSql(`create table "privacy"."confidentiality_incident" ("id" uuid not null, "description" text not null, "occurred_from" date not null, "occurred_to" date null, "discovered_on" date not null, "categories" text[] not null, "member_ids" text[] not null, "people_concerned" int not null, "injury_risk" "privacy"."injury_risk" not null, "risk_reasoning" text null, "assessed_on" date null, "measures_taken" text null, "recorded_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "confidentiality_incident_member_ids_index" on "privacy"."confidentiality_incident" using gin ("member_ids");`);
    this.addSql(`create index "confidentiality_incident_discovered_on_index" on "privacy"."confidentiality_incident" ("discovered_on");`);

    this.addSql(`create table "privacy"."incident_notification" ("id" bigserial primary key, "incident_id" uuid not null, "notified" "privacy"."incident_notifiee" not null, "notified_on" date not null, "details" text not null);`);
    this.addSql(`create index "incident_notification_incident_id_index" on "privacy"."incident_notification" ("incident_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."confidentiality_incident" cascade;`);
    this.addSql(`drop table if exists "privacy"."incident_notification" cascade;`);

    this.addSql(`drop type "privacy"."injury_risk";`);
    this.addSql(`drop type "privacy"."incident_notifiee";`);
  }

}
