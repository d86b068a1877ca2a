import { randomUUID } from 'node:crypto';
import { badUserInput, callerMemberId, Category, isUuid, NonPersonal } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { Consent } from '../entities/consent.js';
import { ConsentDecision, ConsentEvent } from '../entities/consent-event.js';
import { ConsentMethod, ConsentPurpose, ConsentStatus } from '../entities/consent-enums.js';
import { ConsentGrantInput } from '../types/consent-grant-input.js';

@Resolver(() => Consent)
export class ConsentResolver {
  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [ConsentEvent], { description: 'Every decision on this consent, oldest first' })
  history(@Root() consent: Consent, @Ctx() { loaders }: PrivacyContext): Promise<ConsentEvent[]> {
    return loaders.consentHistory.load(`${consent.memberId}:${consent.purpose}`);
  }

  /**
   * The gateway records consents members gave elsewhere in the graph (EDI collection, with their
   * answers). A gateway effect field (policy matrix): no client operation can select it.
   */
  @NonPersonal()
  @Mutation(() => Int, { description: 'Gateway only: records consents given with answers elsewhere in the graph' })
  async recordConsentGrants(@Arg('grants', () => [ConsentGrantInput]) grants: ConsentGrantInput[], @Ctx() { em }: PrivacyContext): Promise<number> {
    const now = new Date();
    await em.transactional(async (tx) => {
      for (const [i, grant] of grants.entries()) {
        if (!isUuid(grant.memberId)) throw badUserInput(`grants.${i}.memberId`, 'memberId must be a UUID');
        const existing = await tx.findOne(Consent, { memberId: grant.memberId, purpose: grant.purpose });
        tx.create(ConsentEvent, { memberId: grant.memberId, purpose: grant.purpose, decision: ConsentDecision.GRANTED, recordedAt: now, method: ConsentMethod.ONLINE });
        if (existing) tx.assign(existing, { status: ConsentStatus.GRANTED, grantedAt: now, withdrawnAt: null, method: ConsentMethod.ONLINE });
        else tx.create(Consent, { id: randomUUID(), memberId: grant.memberId, purpose: grant.purpose, status: ConsentStatus.GRANTED, grantedAt: now, withdrawnAt: null, method: ConsentMethod.ONLINE });
      }
    });
    return grants.length;
  }

  /**
   * A member withdraws a consent, effective at once. Withdrawing EDI collection also erases the
   * EDI answers: this subgraph does not hold them, so it tells the gateway, which has the member
   * subgraph delete them before the member gets an answer.
   */
  @Category('PRIVACY_RECORD')
  @Mutation(() => Consent, { description: 'A member withdraws one of their consents; withdrawing EDI collection erases their EDI answers' })
  async withdrawMyConsent(@Arg('purpose', () => ConsentPurpose) purpose: ConsentPurpose, @Ctx() { em, hop, notices }: PrivacyContext): Promise<Consent> {
    const memberId = callerMemberId({ hop });
    const consent = await em.transactional(async (tx) => {
      const existing = await tx.findOne(Consent, { memberId, purpose });
      const now = new Date();
      if (existing?.status !== ConsentStatus.WITHDRAWN) {
        tx.create(ConsentEvent, { memberId, purpose, decision: ConsentDecision.WITHDRAWN, recordedAt: now, method: ConsentMethod.ONLINE });
      }
      if (existing) {
        if (existing.status !== ConsentStatus.WITHDRAWN) tx.assign(existing, { status: ConsentStatus.WITHDRAWN, withdrawnAt: now, method: ConsentMethod.ONLINE });
        return existing;
      }
      return tx.create(Consent, { id: randomUUID(), memberId, purpose, status: ConsentStatus.WITHDRAWN, grantedAt: null, withdrawnAt: now, method: ConsentMethod.ONLINE });
    });
    // Asked again after a failed erasure, the withdrawal stands and the erasure is asked for again.
    if (purpose === ConsentPurpose.EDI_COLLECTION) notices.push({ kind: 'erasure', store: 'edi', memberId });
    return consent;
  }
}
