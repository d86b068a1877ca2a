import { Migration } from '@mikro-orm/migrations';

export class Migration20261202061336_plan_closed_on extends Migration {

  override name = 'Migration20261202061336_plan_closed_on';

  override up(): void | Promise<void> {
    this.addSql(`alter table "education"."education_plan" add "closed_on" date null;`);
    // Plans that ended before the column existed get this migration's day: never earlier than the day they really
    // ended (no record of that day was kept), so none is destroyed before its time; plans exist only since 2026-11-23.
    this.addSql(`update "education"."education_plan" set "closed_on" = current_date where "status" <> 'ACTIVE';`);
    this.addSql(`alter table "education"."education_plan" add constraint "education_plan_closed_on_check" check ((status = 'ACTIVE') = (closed_on is null));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "education"."education_plan" drop constraint "education_plan_closed_on_check";`);
    this.addSql(`alter table "education"."education_plan" drop column "closed_on";`);
  }

}
