import { Migration } from '@mikro-orm/migrations';

export class Migration20261123080823_disclosures extends Migration {

  override name = 'Migration20261123080823_disclosures';

  override up(): void | Promise<void> {
    this.addSql(`create table "privacy"."disclosure" ("id" uuid not null, "member_id" uuid not null, "recipient" varchar(100) not null, "purpose" varchar(40) not null, "categories" text[] not null, "description" varchar(300) not null, "disclosed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "disclosure_recipient_disclosed_at_index" on "privacy"."disclosure" ("recipient", "disclosed_at");`);
    this.addSql(`create index "disclosure_member_id_disclosed_at_index" on "privacy"."disclosure" ("member_id", "disclosed_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."disclosure" cascade;`);
  }

}
