import { Migration } from '@mikro-orm/migrations';

export class Migration20261201120239_edi_releases extends Migration {

  override name = 'Migration20261201120239_edi_releases';

  override up(): void | Promise<void> {
    this.addSql(`create table "edi"."edi_release" ("id" uuid not null, "version" int not null, "taken_at" timestamptz not null, "published_at" timestamptz not null, "published_by" varchar(200) not null, "method" varchar(40) not null, "minimum_cell_size" int not null, "rho_numerator" int not null, "rho_denominator" int not null, "variance_numerator" int not null, "variance_denominator" int not null, "tables" text[] not null, primary key ("id"));`);
    this.addSql(`alter table "edi"."edi_release" add constraint "edi_release_version_unique" unique ("version");`);

    this.addSql(`create table "edi"."edi_release_cell" ("release_id" uuid not null, "table_key" varchar(120) not null, "position" int not null, "cell_values" text[] not null, "count" int null, primary key ("release_id", "table_key", "position"));`);

    this.addSql(`create table "edi"."member_practice" ("member_id" uuid not null, "province" varchar(2) not null, "specialty" varchar(40) not null, primary key ("member_id"));`);

    this.addSql(`alter table "edi"."edi_release_cell" add constraint "edi_release_cell_release_id_foreign" foreign key ("release_id") references "edi"."edi_release" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "edi"."edi_release_cell" drop constraint "edi_release_cell_release_id_foreign";`);

    this.addSql(`drop table if exists "edi"."edi_release" cascade;`);
    this.addSql(`drop table if exists "edi"."edi_release_cell" cascade;`);
    this.addSql(`drop table if exists "edi"."member_practice" cascade;`);
  }

}
