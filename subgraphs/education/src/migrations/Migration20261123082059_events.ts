import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082059_events extends Migration {

  override name = 'Migration20261123082059_events';

  override up(): void | Promise<void> {
    this.addSql(`create type "education"."registration_status" as enum ('REGISTERED', 'WAITLISTED', 'CANCELLED');`);
    this.addSql(`create table "education"."learning_event" ("id" uuid not null, "activity_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "place" varchar(200) null, "online_link" varchar(300) null, "capacity" int not null, primary key ("id"));`);
    this.addSql(`create index "learning_event_starts_at_index" on "education"."learning_event" ("starts_at");`);

    this.addSql(`create table "education"."event_registration" ("id" uuid not null, "event_id" uuid not null, "member_id" uuid not null, "status" "education"."registration_status" not null, "waitlist_position" int null, "registered_at" timestamptz not null, "cancelled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "event_registration_member_id_index" on "education"."event_registration" ("member_id");`);
    this.addSql(`alter table "education"."event_registration" add constraint "event_registration_event_id_member_id_unique" unique ("event_id", "member_id");`);

    this.addSql(`alter table "education"."learning_event" add constraint "learning_event_activity_id_foreign" foreign key ("activity_id") references "education"."learning_activity" ("id");`);

    this.addSql(`alter table "education"."event_registration" add constraint "event_registration_event_id_foreign" foreign key ("event_id") references "education"."learning_event" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "education"."event_registration" drop constraint "event_registration_event_id_foreign";`);

    this.addSql(`drop table if exists "education"."learning_event" cascade;`);
    this.addSql(`drop table if exists "education"."event_registration" cascade;`);

    this.addSql(`drop type "education"."registration_status";`);
  }

}
