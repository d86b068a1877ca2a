import { Migration } from '@mikro-orm/migrations';

export class Migration20261123083325_assistance extends Migration {

  override name = 'Migration20261123083325_assistance';

  override up(): void | Promise<void> {
    this.addSql(`create type "casework"."assistance_request_status" as enum ('OPEN', 'ACCEPTED', 'DECLINED');`);
    this.addSql(`create type "casework"."assistance_request_source" as enum ('MEMBER', 'STAFF');`);
    this.addSql(`create table "casework"."assistance_request" ("id" uuid not null, "member_id" uuid not null, "kind" "casework"."matter_kind" not null, "events_on" date not null, "summary" text not null, "status" "casework"."assistance_request_status" not null, "source" "casework"."assistance_request_source" not null, "requested_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "assistance_request_member_id_requested_at_index" on "casework"."assistance_request" ("member_id", "requested_at");`);

    this.addSql(`alter table "casework"."advice_call" add "physician_advisor" varchar(100) null;`);

    this.addSql(`alter table "casework"."medico_legal_matter" add "physician_advisor" varchar(100) null, add "counsel" varchar(100) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "casework"."assistance_request" cascade;`);

    this.addSql(`alter table "casework"."advice_call" drop column "physician_advisor";`);

    this.addSql(`alter table "casework"."medico_legal_matter" drop column "physician_advisor", drop column "counsel";`);

    this.addSql(`drop type "casework"."assistance_request_status";`);
    this.addSql(`drop type "casework"."assistance_request_source";`);
  }

}
