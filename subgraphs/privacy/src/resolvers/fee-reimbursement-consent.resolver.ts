import { Category, OnlyForPurposes } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { ConsentStatus } from '../entities/consent-enums.js';
import { FeeReimbursementPreferences } from '../types/fee-reimbursement-preferences.js';
import { Member } from '../types/member.js';

/**
 * Fees billed before the privacy policy announced fee reimbursement (2026.1) reach a province's
 * program only with the member's FEE_REIMBURSEMENT consent: read here, as it stands, for every
 * answer, so a withdrawal stops the next confirmation.
 */
@Resolver(() => Member)
export class FeeReimbursementConsentResolver {
  @Category('PRIVACY_RECORD')
  // Asked by the member subgraph (FEE_REIMBURSEMENT_CONSENT_CALL); the member may read their own.
  @OnlyForPurposes('PARTNER_CONFIRMATION', 'MEMBER_SELF_SERVICE')
  @FieldResolver(() => FeeReimbursementPreferences, { description: "Whether the member's fees billed before the 2026.1 privacy policy may be confirmed to their province's program" })
  async feeReimbursementPreferences(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<FeeReimbursementPreferences> {
    const consent = await loaders.feeReimbursementConsent.load(member.id);
    return { consented: consent?.status === ConsentStatus.GRANTED };
  }
}
