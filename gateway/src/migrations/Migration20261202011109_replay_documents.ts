import { Migration } from '@mikro-orm/migrations';

export class Migration20261202011109_replay_documents extends Migration {

  override name = 'Migration20261202011109_replay_documents';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit"."audit_record" add "operation_document" text null, add "argument_uses" text[] not null default '{}', add "member_scope" jsonb null;`);
    // The privacy office's replay login (AUDIT_READER_ROLE): who asked, why, what and what was decided; no member id, no request id.
    this.addSql(`grant usage on schema "audit" to "mg_privacy_office";`);
    this.addSql(
      `grant select ("occurred_at", "subject", "roles", "purpose", "operation_name", "operation_document", "argument_uses", "member_scope", "decision", "code", "rule") on "audit"."audit_record" to "mg_privacy_office";`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`revoke all on "audit"."audit_record" from "mg_privacy_office";`);
    this.addSql(`revoke usage on schema "audit" from "mg_privacy_office";`);
    this.addSql(`alter table "audit"."audit_record" drop column "operation_document", drop column "argument_uses", drop column "member_scope";`);
  }

}
