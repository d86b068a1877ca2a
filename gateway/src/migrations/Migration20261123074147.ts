import { Migration } from '@mikro-orm/migrations';

export class Migration20261123074147 extends Migration {

  override name = 'Migration20261123074147';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "audit";`);
    this.addSql(`create table "audit"."audit_record" ("id" uuid not null, "occurred_at" timestamptz not null default now(), "request_id" varchar(64) not null, "subject" varchar(200) null, "roles" text[] not null, "purpose" varchar(40) null, "operation_name" varchar(200) null, "operation_hash" varchar(64) null, "categories" text[] not null, "decision" varchar(10) not null, "code" varchar(40) null, "rule" varchar(40) null, "fields" text[] not null, primary key ("id"));`);
    this.addSql(`create index "audit_record_subject_occurred_at_index" on "audit"."audit_record" ("subject", "occurred_at");`);
    this.addSql(`create index "audit_record_occurred_at_index" on "audit"."audit_record" ("occurred_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit"."audit_record" cascade;`);

    this.addSql(`drop schema if exists "audit";`);
  }

}
