import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105704_disposition extends Migration {

  override name = 'Migration20261123105704_disposition';

  override up(): void | Promise<void> {
    this.addSql(`create table "education"."disposition_run" ("id" uuid not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "as_of" date not null, "dry_run" boolean not null, "status" varchar(10) not null, "counts" jsonb not null, "cursors" jsonb not null, "resumptions" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "disposition_run_status_index" on "education"."disposition_run" ("status");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "education"."disposition_run" cascade;`);
  }

}
