import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105659_disposition extends Migration {

  override name = 'Migration20261123105659_disposition';

  override up(): void | Promise<void> {
    this.addSql(`create table "member"."disposition_run" ("id" uuid not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "as_of" date not null, "dry_run" boolean not null, "status" varchar(10) not null, "counts" jsonb not null, "cursors" jsonb not null, "resumptions" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "disposition_run_status_index" on "member"."disposition_run" ("status");`);

    this.addSql(`alter table "member"."member" add "anonymised_on" date null;`);
    this.addSql(`alter table "member"."member" alter column "email" drop not null;`);
    this.addSql(`alter table "member"."member" alter column "phone" drop not null;`);
    this.addSql(`alter table "member"."member" alter column "city" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "member"."disposition_run" cascade;`);

    this.addSql(`alter table "member"."member" drop column "anonymised_on";`);
    this.addSql(`alter table "member"."member" alter column "email" set not null;`);
    this.addSql(`alter table "member"."member" alter column "phone" set not null;`);
    this.addSql(`alter table "member"."member" alter column "city" set not null;`);
  }

}
