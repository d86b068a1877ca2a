import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104838_member_ids extends Migration {

  override name = 'Migration20261123104838_member_ids';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit"."audit_record" add "member_ids" text[] not null default '{}';`);
    this.addSql(`create index "audit_record_member_ids_index" on "audit"."audit_record" using gin ("member_ids");`);
    // The privacy office reads the audit through the privacy subgraph: select, and nothing more.
    this.addSql(`grant usage on schema "audit" to "mg_privacy";`);
    this.addSql(`grant select on "audit"."audit_record" to "mg_privacy";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke select on "audit"."audit_record" from "mg_privacy";`);
    this.addSql(`revoke usage on schema "audit" from "mg_privacy";`);
    this.addSql(`drop index "audit"."audit_record_member_ids_index";`);
    this.addSql(`alter table "audit"."audit_record" drop column "member_ids";`);
  }

}
