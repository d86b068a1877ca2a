import { Migration } from '@mikro-orm/migrations';

export class Migration20261202004617_identification_explanation extends Migration {

  override name = 'Migration20261202004617_identification_explanation';

  override up(): void | Promise<void> {
    this.addSql(`create table "casework"."identification_snapshot" ("id" uuid not null, "enrolment_id" uuid not null, "identified_on" date not null, "lookback_from" date not null, "lookback_to" date not null, "lookback_years" int not null, "alpha" double precision not null, "minimum_peer_members" int not null, "type_of_work" varchar(20) not null, "fee_region" varchar(20) not null, "peer_region" varchar(20) not null, "peer_members" int not null, "peer_matters" int not null, "peer_member_years" double precision not null, "member_years" double precision not null, "matters" jsonb not null, "expected" double precision not null, "rate_ratio" double precision null, "p_value" double precision not null, "upper_control_limit" int not null, primary key ("id"));`);
    this.addSql(`alter table "casework"."identification_snapshot" add constraint "identification_snapshot_enrolment_id_unique" unique ("enrolment_id");`);

    this.addSql(`create table "casework"."identification_observation" ("id" bigserial primary key, "enrolment_id" uuid not null, "member_id" uuid not null, "written_at" timestamptz not null, "text" text not null);`);
    this.addSql(`create index "identification_observation_enrolment_id_written_at_index" on "casework"."identification_observation" ("enrolment_id", "written_at");`);

    this.addSql(`alter table "casework"."identification_snapshot" add constraint "identification_snapshot_enrolment_id_foreign" foreign key ("enrolment_id") references "casework"."support_program_enrolment" ("id") on delete cascade;`);

    this.addSql(`alter table "casework"."identification_observation" add constraint "identification_observation_enrolment_id_foreign" foreign key ("enrolment_id") references "casework"."support_program_enrolment" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "casework"."identification_snapshot" cascade;`);
    this.addSql(`drop table if exists "casework"."identification_observation" cascade;`);
  }

}
