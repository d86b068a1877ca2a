import { Migration } from '@mikro-orm/migrations';

export class Migration20261201103405_member_reads extends Migration {

  override name = 'Migration20261201103405_member_reads';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit"."audit_member_read" ("audit_record_id" uuid not null, "member_id" varchar(36) not null, primary key ("audit_record_id", "member_id"));`);
    this.addSql(`create index "audit_member_read_member_id_index" on "audit"."audit_member_read" ("member_id");`);

    this.addSql(`alter table "audit"."audit_member_read" add constraint "audit_member_read_audit_record_id_foreign" foreign key ("audit_record_id") references "audit"."audit_record" ("id") on delete cascade;`);
    // The privacy office finds operations by the members they read, through the privacy subgraph: select, and nothing more.
    this.addSql(`grant select on "audit"."audit_member_read" to "mg_privacy";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke select on "audit"."audit_member_read" from "mg_privacy";`);
    this.addSql(`drop table if exists "audit"."audit_member_read" cascade;`);
  }

}
