import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082645_plans extends Migration {

  override name = 'Migration20261123082645_plans';

  override up(): void | Promise<void> {
    this.addSql(`create type "education"."education_plan_status" as enum ('ACTIVE', 'COMPLETED', 'CLOSED');`);
    this.addSql(`create type "education"."education_plan_item_status" as enum ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'WAIVED');`);
    this.addSql(`create table "education"."education_plan" ("id" uuid not null, "member_id" uuid not null, "enrolment_id" uuid not null, "status" "education"."education_plan_status" not null, "created_on" date not null, "follow_up_on" date null, primary key ("id"));`);
    this.addSql(`create index "education_plan_member_id_created_on_index" on "education"."education_plan" ("member_id", "created_on");`);

    this.addSql(`create table "education"."education_plan_item" ("id" uuid not null, "plan_id" uuid not null, "factor" varchar(200) not null, "activity_id" uuid null, "external_program" varchar(200) null, "external_cost_cad" numeric(10,2) null, "member_expense" boolean not null, "due_on" date not null, "status" "education"."education_plan_item_status" not null, "completed_on" date null, "evidence" varchar(500) null, primary key ("id"));`);

    this.addSql(`alter table "education"."education_plan_item" add constraint "education_plan_item_plan_id_foreign" foreign key ("plan_id") references "education"."education_plan" ("id") on delete cascade;`);
    this.addSql(`alter table "education"."education_plan_item" add constraint "education_plan_item_activity_id_foreign" foreign key ("activity_id") references "education"."learning_activity" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "education"."education_plan_item" drop constraint "education_plan_item_plan_id_foreign";`);

    this.addSql(`drop table if exists "education"."education_plan" cascade;`);
    this.addSql(`drop table if exists "education"."education_plan_item" cascade;`);

    this.addSql(`drop type "education"."education_plan_status";`);
    this.addSql(`drop type "education"."education_plan_item_status";`);
  }

}
