import { Migration } from '@mikro-orm/migrations';

export class Migration20261201170827_partner_disclosures extends Migration {

  override name = 'Migration20261201170827_partner_disclosures';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit"."partner_disclosure" ("id" uuid not null, "audit_record_id" uuid null, "member_id" varchar(36) not null, "recipient" varchar(200) not null, "purpose" varchar(40) not null, "categories" text[] not null, "description" varchar(300) not null, "disclosed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "partner_disclosure_recipient_disclosed_at_index" on "audit"."partner_disclosure" ("recipient", "disclosed_at");`);
    this.addSql(`create index "partner_disclosure_member_id_disclosed_at_index" on "audit"."partner_disclosure" ("member_id", "disclosed_at");`);

    this.addSql(`alter table "audit"."partner_disclosure" add constraint "partner_disclosure_audit_record_id_foreign" foreign key ("audit_record_id") references "audit"."audit_record" ("id") on delete no action;`);
    // The privacy subgraph lists these with the disclosures it records itself (select), and disposes of them under the retention schedule (delete); nothing more.
    this.addSql(`grant select, delete on "audit"."partner_disclosure" to "mg_privacy";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke select, delete on "audit"."partner_disclosure" from "mg_privacy";`);
    this.addSql(`drop table if exists "audit"."partner_disclosure" cascade;`);
  }

}
