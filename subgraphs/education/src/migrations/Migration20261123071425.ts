import { Migration } from '@mikro-orm/migrations';

export class Migration20261123071425 extends Migration {

  override name = 'Migration20261123071425';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "education";`);
    this.addSql(`create type "education"."activity_kind" as enum ('ARTICLE', 'ELEARNING', 'WORKSHOP', 'WEBINAR', 'PODCAST', 'GOOD_PRACTICES_GUIDE', 'EBULLETIN');`);
    this.addSql(`create type "education"."content_language" as enum ('EN', 'FR', 'BOTH');`);
    this.addSql(`create table "education"."learning_activity" ("id" uuid not null, "code" varchar(16) not null, "title" varchar(200) not null, "kind" "education"."activity_kind" not null, "language" "education"."content_language" not null, "duration_minutes" int not null, "credits" numeric(5,2) not null, "published_on" date not null, primary key ("id"));`);
    this.addSql(`alter table "education"."learning_activity" add constraint "learning_activity_code_unique" unique ("code");`);

    this.addSql(`create table "education"."learning_completion" ("id" uuid not null, "member_id" uuid not null, "activity_id" uuid not null, "completed_on" date not null, "credits" numeric(5,2) not null, primary key ("id"));`);
    this.addSql(`create index "learning_completion_member_id_completed_on_index" on "education"."learning_completion" ("member_id", "completed_on");`);

    this.addSql(`alter table "education"."learning_completion" add constraint "learning_completion_activity_id_foreign" foreign key ("activity_id") references "education"."learning_activity" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "education"."learning_completion" drop constraint "learning_completion_activity_id_foreign";`);

    this.addSql(`drop table if exists "education"."learning_activity" cascade;`);
    this.addSql(`drop table if exists "education"."learning_completion" cascade;`);

    this.addSql(`drop type "education"."activity_kind";`);
    this.addSql(`drop type "education"."content_language";`);
    this.addSql(`drop schema if exists "education";`);
  }

}
