import { Migration } from '@mikro-orm/migrations';

export class Migration20261201204946_service_surveys extends Migration {

  override name = 'Migration20261201204946_service_surveys';

  override up(): void | Promise<void> {
    this.addSql(`create type "education"."surveyed_service" as enum ('ADVICE_CALL', 'EDUCATION_EVENT');`);
    this.addSql(`create type "education"."survey_province" as enum ('AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT');`);
    this.addSql(`create table "education"."service_survey" ("id" uuid not null, "member_id" uuid null, "service" "education"."surveyed_service" not null, "service_on" date not null, "quarter" varchar(7) not null, "province" "education"."survey_province" null, "sent_at" timestamptz not null, "answerable_until" timestamptz not null, "answered_at" timestamptz null, "satisfaction" smallint null, "stress_before" smallint null, "stress_after" smallint null, "comment" varchar(2000) null, primary key ("id"));`);
    this.addSql(`create index "service_survey_service_quarter_index" on "education"."service_survey" ("service", "quarter");`);
    this.addSql(`alter table "education"."service_survey" add constraint "service_survey_member_id_service_quarter_unique" unique ("member_id", "service", "quarter");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "education"."service_survey" cascade;`);

    this.addSql(`drop type "education"."surveyed_service";`);
    this.addSql(`drop type "education"."survey_province";`);
  }

}
