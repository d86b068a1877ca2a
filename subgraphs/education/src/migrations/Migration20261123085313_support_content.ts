import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085313_support_content extends Migration {

  override name = 'Migration20261123085313_support_content';

  override up(): void | Promise<void> {
    this.addSql(`create type "education"."province" as enum ('AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT');`);
    this.addSql(`create type "education"."wellness_topic" as enum ('COLLEGE_COMPLAINT', 'HOSPITAL_COMPLAINT', 'MEDICO_LEGAL_ISSUE', 'PHYSICIAN_HEALTH', 'THREATS_AND_HARASSMENT');`);
    this.addSql(`create type "education"."language" as enum ('EN', 'FR');`);
    this.addSql(`create type "education"."wellness_resource_kind" as enum ('ARTICLE', 'OUTSIDE_RESOURCE', 'PROGRAM');`);
    this.addSql(`create table "education"."support_service" ("id" uuid not null, "province" "education"."province" not null, "name" varchar(200) not null, "serves" text[] not null, "phone" varchar(40) not null, "web_address" varchar(300) not null, "all_hours" boolean not null, "languages" text[] not null, "example" boolean not null, primary key ("id"));`);

    this.addSql(`create table "education"."wellness_resource" ("id" uuid not null, "topic" "education"."wellness_topic" not null, "language" "education"."language" not null, "kind" "education"."wellness_resource_kind" not null, "title" varchar(200) not null, "summary" text not null, "link" varchar(300) not null, "published_on" date not null, primary key ("id"));`);
    this.addSql(`create index "wellness_resource_topic_language_published_on_index" on "education"."wellness_resource" ("topic", "language", "published_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "education"."support_service" cascade;`);
    this.addSql(`drop table if exists "education"."wellness_resource" cascade;`);

    this.addSql(`drop type "education"."province";`);
    this.addSql(`drop type "education"."wellness_topic";`);
    this.addSql(`drop type "education"."language";`);
    this.addSql(`drop type "education"."wellness_resource_kind";`);
  }

}
