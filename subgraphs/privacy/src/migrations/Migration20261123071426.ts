import { Migration } from '@mikro-orm/migrations';

export class Migration20261123071426 extends Migration {

  override name = 'Migration20261123071426';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "privacy";`);
    this.addSql(`create type "privacy"."consent_purpose" as enum ('COMMUNICATIONS', 'EDI_COLLECTION', 'SURVEYS');`);
    this.addSql(`create type "privacy"."consent_status" as enum ('GRANTED', 'WITHDRAWN');`);
    this.addSql(`create type "privacy"."consent_method" as enum ('ONLINE', 'PHONE', 'WRITTEN');`);
    this.addSql(`create table "privacy"."consent" ("id" uuid not null, "member_id" uuid not null, "purpose" "privacy"."consent_purpose" not null, "status" "privacy"."consent_status" not null, "granted_at" timestamptz not null, "withdrawn_at" timestamptz null, "method" "privacy"."consent_method" not null, primary key ("id"));`);
    this.addSql(`alter table "privacy"."consent" add constraint "consent_member_id_purpose_unique" unique ("member_id", "purpose");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."consent" cascade;`);

    this.addSql(`drop type "privacy"."consent_purpose";`);
    this.addSql(`drop type "privacy"."consent_status";`);
    this.addSql(`drop type "privacy"."consent_method";`);
    this.addSql(`drop schema if exists "privacy";`);
  }

}
