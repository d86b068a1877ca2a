import { Migration } from '@mikro-orm/migrations';

export class Migration20261201103214_separation_of_duties extends Migration {

  override name = 'Migration20261201103214_separation_of_duties';

  override up(): void | Promise<void> {
    this.addSql(`create type "privacy"."privacy_request_channel" as enum ('SELF_SERVICE', 'PRIVACY_OFFICE');`);
    this.addSql(`alter table "privacy"."privacy_request" add "channel" "privacy"."privacy_request_channel" not null default 'PRIVACY_OFFICE', add "recorded_by" varchar(200) null, add "identity_verified_by" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "privacy"."privacy_request" drop column "channel", drop column "recorded_by", drop column "identity_verified_by";`);

    this.addSql(`drop type "privacy"."privacy_request_channel";`);
  }

}
