import { Migration } from '@mikro-orm/migrations';

export class Migration20261123081136_consent_withdrawn_first extends Migration {

  override name = 'Migration20261123081136_consent_withdrawn_first';

  override up(): void | Promise<void> {
    this.addSql(`alter table "privacy"."consent" alter column "granted_at" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "privacy"."consent" alter column "granted_at" set not null;`);
  }

}
