import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082349_catalogue extends Migration {

  override name = 'Migration20261123082349_catalogue';

  override up(): void | Promise<void> {
    this.addSql(`alter table "education"."learning_activity" add "moc_section3hours" numeric(5,2) not null default 0, add "topics" text[] not null default '{}', add "retired_on" date null;`);
    this.addSql(`create index "learning_activity_published_on_id_index" on "education"."learning_activity" ("published_on", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "education"."learning_activity_published_on_id_index";`);
    this.addSql(`alter table "education"."learning_activity" drop column "moc_section3hours", drop column "topics", drop column "retired_on";`);
  }

}
