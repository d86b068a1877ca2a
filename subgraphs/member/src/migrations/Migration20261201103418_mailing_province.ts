import { Migration } from '@mikro-orm/migrations';

export class Migration20261201103418_mailing_province extends Migration {

  override name = 'Migration20261201103418_mailing_province';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member"."member" add "mailing_province" "member"."province" null;`);

    // Data step (added to the generated migration; MikroORM generates structure only): until now
    // one column served as both, so existing members' mailing province is their practice province.
    // Not for contacts already destroyed under the retention schedule: they stay destroyed.
    this.addSql(`update "member"."member" set "mailing_province" = "province" where "email" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member"."member" drop column "mailing_province";`);
  }

}
