import { Migration } from '@mikro-orm/migrations';

export class Migration20261202004924_policy_versions extends Migration {

  override name = 'Migration20261202004924_policy_versions';

  override up(): void | Promise<void> {
    this.addSql(`alter type "privacy"."consent_purpose" add value if not exists 'FEE_REIMBURSEMENT' after 'THIRD_PARTY_DISCLOSURE';`);

    // Data step (added to the generated migration, which made the columns not null at once; MikroORM
    // generates structure only): decisions already recorded get the version in force on their UTC
    // day, as packages/policy's privacyPolicyOn gives it (its versions when this was written); a
    // consent, the version it was granted under.
    const versionOn = (at: string) =>
      `case when (${at} at time zone 'UTC')::date >= date '2026-01-01' then '2026.1' when (${at} at time zone 'UTC')::date >= date '2023-09-22' then '2023.1' else '2021.1' end`;
    this.addSql(`alter table "privacy"."consent" add "policy_version" varchar(16) null;`);
    this.addSql(`update "privacy"."consent" set "policy_version" = ${versionOn('coalesce("granted_at", "withdrawn_at")')};`);
    this.addSql(`alter table "privacy"."consent" alter column "policy_version" set not null;`);
    this.addSql(`alter table "privacy"."consent_event" add "policy_version" varchar(16) null;`);
    this.addSql(`update "privacy"."consent_event" set "policy_version" = ${versionOn('"recorded_at"')};`);
    this.addSql(`alter table "privacy"."consent_event" alter column "policy_version" set not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "privacy"."consent" drop column "policy_version";`);

    this.addSql(`alter table "privacy"."consent_event" drop column "policy_version";`);
  }

}
