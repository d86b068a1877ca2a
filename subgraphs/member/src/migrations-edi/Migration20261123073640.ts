import { Migration } from '@mikro-orm/migrations';

export class Migration20261123073640 extends Migration {

  override name = 'Migration20261123073640';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "edi";`);
    this.addSql(`create table "edi"."edi_profile" ("member_id" uuid not null, "gender_identity" varchar(40) null, "indigenous_identity" varchar(40) null, "racialized_identity" varchar(40) null, "disability" varchar(40) null, "sexual_orientation" varchar(40) null, "answered_on" date not null, primary key ("member_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "edi"."edi_profile" cascade;`);

    this.addSql(`drop schema if exists "edi";`);
  }

}
