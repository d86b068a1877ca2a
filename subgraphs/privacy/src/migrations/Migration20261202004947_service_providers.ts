import { Migration } from '@mikro-orm/migrations';

export class Migration20261202004947_service_providers extends Migration {

  override name = 'Migration20261202004947_service_providers';

  override up(): void | Promise<void> {
    this.addSql(`create type "privacy"."information_sensitivity" as enum ('LOW', 'MODERATE', 'HIGH');`);
    this.addSql(`create type "privacy"."assessment_conclusion" as enum ('PENDING', 'FAVOURABLE', 'UNFAVOURABLE');`);
    this.addSql(`create table "privacy"."privacy_impact_assessment" ("id" uuid not null, "provider_id" uuid not null, "categories" text[] not null, "member_provinces" text[] not null, "sensitivity" "privacy"."information_sensitivity" not null, "purposes" text[] not null, "safeguards" text not null, "destination_legal_regime" text not null, "conclusion" "privacy"."assessment_conclusion" not null, "reasoning" text null, "concluded_on" date null, "reviewer" text null, "recorded_by" text not null, "recorded_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "privacy_impact_assessment_provider_id_index" on "privacy"."privacy_impact_assessment" ("provider_id");`);

    this.addSql(`create table "privacy"."service_provider" ("id" uuid not null, "name" text not null, "service" text not null, "locations" text[] not null, "categories" text[] not null, "member_provinces" text[] not null, "receiving_since" date null, "stopped_receiving_on" date null, "agreement_reference" text not null, "agreement_signed_on" date not null, "registered_by" text not null, "registered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "service_provider_name_index" on "privacy"."service_provider" ("name");`);

    this.addSql(`create table "privacy"."service_provider_transfer" ("id" bigserial primary key, "provider_id" uuid not null, "categories" text[] not null, "member_provinces" text[] not null, "since" date not null, "until" date null);`);
    this.addSql(`create index "service_provider_transfer_member_provinces_index" on "privacy"."service_provider_transfer" using gin ("member_provinces");`);
    this.addSql(`create index "service_provider_transfer_provider_id_since_index" on "privacy"."service_provider_transfer" ("provider_id", "since");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."privacy_impact_assessment" cascade;`);
    this.addSql(`drop table if exists "privacy"."service_provider" cascade;`);
    this.addSql(`drop table if exists "privacy"."service_provider_transfer" cascade;`);

    this.addSql(`drop type "privacy"."information_sensitivity";`);
    this.addSql(`drop type "privacy"."assessment_conclusion";`);
  }

}
