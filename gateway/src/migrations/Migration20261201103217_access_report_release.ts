import { Migration } from '@mikro-orm/migrations';

export class Migration20261201103217_access_report_release extends Migration {

  override name = 'Migration20261201103217_access_report_release';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit"."audit_record" add "access_report_request_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit"."audit_record" drop column "access_report_request_id";`);
  }

}
