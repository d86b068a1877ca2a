import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104428_third_party_consent extends Migration {

  override name = 'Migration20261123104428_third_party_consent';

  override up(): void | Promise<void> {
    this.addSql(`alter type "privacy"."consent_purpose" add value if not exists 'THIRD_PARTY_DISCLOSURE' after 'SURVEYS';`);
    this.addSql(`alter table "privacy"."consent" drop constraint "consent_member_id_purpose_unique";`);
    this.addSql(`alter table "privacy"."consent" add "recipient" varchar(100) not null default '';`);
    this.addSql(`create index "consent_purpose_status_recipient_member_id_index" on "privacy"."consent" ("purpose", "status", "recipient", "member_id");`);
    this.addSql(`alter table "privacy"."consent" add constraint "consent_member_id_purpose_recipient_unique" unique ("member_id", "purpose", "recipient");`);

    this.addSql(`alter table "privacy"."consent_event" add "recipient" varchar(100) not null default '';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "privacy"."consent_purpose_status_recipient_member_id_index";`);
    this.addSql(`alter table "privacy"."consent" drop constraint "consent_member_id_purpose_recipient_unique";`);
    this.addSql(`alter table "privacy"."consent" drop column "recipient";`);
    this.addSql(`alter table "privacy"."consent" add constraint "consent_member_id_purpose_unique" unique ("member_id", "purpose");`);

    this.addSql(`alter table "privacy"."consent_event" drop column "recipient";`);
  }

}
