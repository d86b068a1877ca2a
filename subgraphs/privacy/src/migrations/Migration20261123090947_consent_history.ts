import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090947_consent_history extends Migration {

  override name = 'Migration20261123090947_consent_history';

  override up(): void | Promise<void> {
    this.addSql(`create type "privacy"."consent_decision" as enum ('GRANTED', 'WITHDRAWN');`);
    this.addSql(`create table "privacy"."consent_event" ("id" bigserial primary key, "member_id" uuid not null, "purpose" "privacy"."consent_purpose" not null, "decision" "privacy"."consent_decision" not null, "recorded_at" timestamptz not null, "method" "privacy"."consent_method" not null);`);
    this.addSql(`create index "consent_event_member_id_purpose_recorded_at_index" on "privacy"."consent_event" ("member_id", "purpose", "recorded_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."consent_event" cascade;`);

    this.addSql(`drop type "privacy"."consent_decision";`);
  }

}
