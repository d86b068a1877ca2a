import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085019_requests extends Migration {

  override name = 'Migration20261123085019_requests';

  override up(): void | Promise<void> {
    this.addSql(`create type "privacy"."privacy_request_kind" as enum ('ACCESS', 'CORRECTION', 'CONSENT_WITHDRAWAL');`);
    this.addSql(`create type "privacy"."privacy_request_status" as enum ('RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'DECLINED');`);
    this.addSql(`create type "privacy"."privacy_request_decline_reason" as enum ('THIRD_PARTY_INFORMATION', 'CONFIDENTIAL_COMMERCIAL_INFORMATION', 'SERIOUS_HARM', 'LAW_ENFORCEMENT', 'FORMAL_DISPUTE_RESOLUTION', 'PRIVILEGE', 'DISPROPORTIONATE_BURDEN', 'NOT_HELD', 'OTHERWISE_PERMITTED_BY_LAW');`);
    this.addSql(`create table "privacy"."privacy_request" ("id" uuid not null, "member_id" uuid not null, "kind" "privacy"."privacy_request_kind" not null, "details" text not null, "received_on" date not null, "identity_verified_on" date null, "due_on" date not null, "extension_reason" text null, "member_told_of_extension_on" date null, "status" "privacy"."privacy_request_status" not null, "decline_reason" "privacy"."privacy_request_decline_reason" null, "closed_on" date null, primary key ("id"));`);
    this.addSql(`create index "privacy_request_status_due_on_index" on "privacy"."privacy_request" ("status", "due_on");`);
    this.addSql(`create index "privacy_request_member_id_received_on_index" on "privacy"."privacy_request" ("member_id", "received_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "privacy"."privacy_request" cascade;`);

    this.addSql(`drop type "privacy"."privacy_request_kind";`);
    this.addSql(`drop type "privacy"."privacy_request_status";`);
    this.addSql(`drop type "privacy"."privacy_request_decline_reason";`);
  }

}
