import {
  ActsOnCaller,
  badUserInput,
  callerMemberId,
  Category,
  effectOrigin,
  type EffectOrigin,
  enqueueEffect,
  GatewayEffect,
  isUuid,
  MemberKey,
  NonPersonal,
  OnlyForPurposes,
  Provenance,
  requireUuid,
} from '@mutual-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { recordConsentDecision, type ConsentDecisionInput } from '../domain/consent-decision.js';
import { Consent } from '../entities/consent.js';
import { ConsentDecision, ConsentEvent } from '../entities/consent-event.js';
import { ConsentMethod, ConsentPurpose, NO_RECIPIENT } from '../entities/consent-enums.js';
import { ConsentGrantInput } from '../types/consent-grant-input.js';

/**
 * Records a decision and, when it withdraws EDI collection, the erasure of the EDI answers it
 * requires, in one transaction: the member subgraph erases them from this subgraph's outbox,
 * whether or not the withdrawal repeats one (an erasure is harmless twice).
 */
function decide(em: EntityManager, input: ConsentDecisionInput, origin: EffectOrigin): Promise<Consent> {
  return em.transactional(async (tx) => {
    const consent = await recordConsentDecision(tx, input);
    if (input.purpose === ConsentPurpose.EDI_COLLECTION && input.decision === ConsentDecision.WITHDRAWN) {
      await enqueueEffect(tx, 'privacy', { kind: 'erasure', store: 'edi', memberId: input.memberId }, origin);
    }
    return consent;
  });
}

@Resolver(() => Consent)
export class ConsentResolver {
  // Purpose bindings (@OnlyForPurposes): members give and withdraw their own consent online; the
  // office records calls and letters.

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @FieldResolver(() => String, { nullable: true, description: 'The third party a disclosure consent names; absent for every other purpose' })
  recipient(@Root() consent: Consent): string | null {
    return consent.recipient === NO_RECIPIENT ? null : consent.recipient;
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [ConsentEvent], { description: 'Every decision on this consent, oldest first' })
  history(@Root() consent: Consent, @Ctx() { loaders }: PrivacyContext): Promise<ConsentEvent[]> {
    return loaders.consentHistory.load(`${consent.memberId}:${consent.purpose}:${consent.recipient}`);
  }

  /**
   * The gateway records consents members gave elsewhere in the graph (EDI collection, with their
   * answers). A gateway effect field (@GatewayEffect below): no client operation can select it.
   */
  @NonPersonal()
  @GatewayEffect()
  @Mutation(() => Int, { description: 'Gateway only: records consents given with answers elsewhere in the graph' })
  async recordConsentGrants(@NonPersonal() @Arg('grants', () => [ConsentGrantInput]) grants: ConsentGrantInput[], @Ctx() { em }: PrivacyContext): Promise<number> {
    const now = new Date();
    await em.transactional(async (tx) => {
      for (const [i, grant] of grants.entries()) {
        if (!isUuid(grant.memberId)) throw badUserInput(`grants.${i}.memberId`, 'memberId must be a UUID');
        // A minute of leeway for the clocks of the subgraph that took the consent and this one.
        if (grant.givenAt.getTime() > now.getTime() + 60_000) throw badUserInput(`grants.${i}.givenAt`, 'a consent cannot be given in the future');
        await recordConsentDecision(tx, { memberId: grant.memberId, purpose: grant.purpose, decision: ConsentDecision.GRANTED, method: ConsentMethod.ONLINE, at: grant.givenAt });
      }
    });
    return grants.length;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => Consent, { description: 'A member gives a consent: to communications, surveys, or disclosure to a third party they name' })
  async grantMyConsent(
    @NonPersonal() @Arg('purpose', () => ConsentPurpose) purpose: ConsentPurpose,
    @Ctx() { em, hop }: PrivacyContext,
    @NonPersonal() @Arg('recipient', () => String, { nullable: true, description: 'The third party, for THIRD_PARTY_DISCLOSURE' }) recipient?: string | null,
  ): Promise<Consent> {
    // EDI collection is consented with the answers themselves (setMyEdiAnswers), never without them.
    if (purpose === ConsentPurpose.EDI_COLLECTION) throw badUserInput('purpose', 'EDI collection is consented to by giving EDI answers (setMyEdiAnswers)');
    const memberId = callerMemberId({ hop });
    return em.transactional((tx) => recordConsentDecision(tx, { memberId, purpose, recipient, decision: ConsentDecision.GRANTED, method: ConsentMethod.ONLINE, at: new Date() }));
  }

  /**
   * A member withdraws a consent, effective at once. Withdrawing EDI collection also erases the
   * EDI answers: this subgraph does not hold them, so the erasure goes to its outbox with the
   * withdrawal, and the effects worker has the member subgraph delete them.
   */
  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => Consent, { description: 'A member withdraws one of their consents; withdrawing EDI collection erases their EDI answers' })
  async withdrawMyConsent(
    @NonPersonal() @Arg('purpose', () => ConsentPurpose) purpose: ConsentPurpose,
    @Ctx() context: PrivacyContext,
    @NonPersonal() @Arg('recipient', () => String, { nullable: true, description: 'The third party, for THIRD_PARTY_DISCLOSURE' }) recipient?: string | null,
  ): Promise<Consent> {
    const memberId = callerMemberId(context);
    return decide(context.em, { memberId, purpose, recipient, decision: ConsentDecision.WITHDRAWN, method: ConsentMethod.ONLINE, at: new Date() }, effectOrigin(context));
  }

  /** Consents given or withdrawn by phone or in writing reach the privacy office, which records them. */
  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => Consent, { description: 'The privacy office records a consent decision a member made by phone or in writing' })
  async recordConsentDecision(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('purpose', () => ConsentPurpose) purpose: ConsentPurpose,
    @NonPersonal() @Arg('decision', () => ConsentDecision) decision: ConsentDecision,
    @NonPersonal() @Arg('method', () => ConsentMethod) method: ConsentMethod,
    @Ctx() context: PrivacyContext,
    @NonPersonal() @Arg('recipient', () => String, { nullable: true }) recipient?: string | null,
  ): Promise<Consent> {
    const id = requireUuid('memberId', memberId);
    if (method === ConsentMethod.ONLINE) throw badUserInput('method', "online decisions are the member's own to make");
    if (purpose === ConsentPurpose.EDI_COLLECTION && decision === ConsentDecision.GRANTED) throw badUserInput('purpose', 'EDI collection is consented to by giving EDI answers');
    return decide(context.em, { memberId: id, purpose, recipient, decision, method, at: new Date() }, effectOrigin(context));
  }
}
