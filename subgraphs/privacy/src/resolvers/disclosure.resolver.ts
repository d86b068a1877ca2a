import { randomUUID } from 'node:crypto';
import { badUserInput, Category, DateScalar, NonPersonal, OnlyForPurposes, requirePageSize, requireText, requireUuid } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/policy';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { disclosuresMade } from '../loaders/disclosure-log.js';
import type { PrivacyContext } from '../context.js';
import { Disclosure } from '../entities/disclosure.js';
import { DisclosureBasis, StaffDisclosureInput } from '../types/staff-disclosure-input.js';
import { Consent } from '../entities/consent.js';
import { ConsentPurpose, ConsentStatus } from '../entities/consent-enums.js';

@Resolver(() => Disclosure)
export class DisclosureResolver {
  /**
   * The privacy office records a disclosure it made itself. At the member's direction only while a
   * consent to disclose to that recipient is granted; the basis is kept as the disclosure's purpose.
   */
  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => Disclosure, { description: "The privacy office records a disclosure it made: at the member's direction (their consent must name the recipient) or as the law requires" })
  async recordDisclosure(@NonPersonal() @Arg('disclosure', () => StaffDisclosureInput) input: StaffDisclosureInput, @Ctx() { em }: PrivacyContext): Promise<Disclosure> {
    const memberId = requireUuid('disclosure.memberId', input.memberId);
    const recipient = requireText('disclosure.recipient', input.recipient, 1, 100);
    if (input.categories.length === 0 || !input.categories.every(isCategory)) throw badUserInput('disclosure.categories', 'categories must be one or more data categories');
    const description = requireText('disclosure.description', input.description, 5, 300);
    if (input.disclosedAt.getTime() > Date.now()) throw badUserInput('disclosure.disclosedAt', 'disclosedAt cannot be in the future');
    if (input.basis === DisclosureBasis.MEMBER_CONSENT) {
      const consent = await em.findOne(Consent, { memberId, purpose: ConsentPurpose.THIRD_PARTY_DISCLOSURE, recipient });
      if (consent?.status !== ConsentStatus.GRANTED || !consent.grantedAt || consent.grantedAt > input.disclosedAt) {
        throw badUserInput('disclosure.recipient', 'the member had not consented to disclosure to this recipient when it was made');
      }
    }
    const disclosure = em.create(Disclosure, {
      id: randomUUID(),
      memberId,
      recipient,
      purpose: input.basis,
      categories: [...new Set(input.categories)].sort(),
      description,
      disclosedAt: input.disclosedAt,
    });
    await em.flush();
    return disclosure;
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [Disclosure], { description: 'Disclosures, newest first, optionally to one recipient and since a date (the privacy office)' })
  disclosures(
    @Ctx() { em }: PrivacyContext,
    @Category('PRIVACY_RECORD') @Arg('recipient', () => String, { nullable: true }) recipient?: string | null,
    @Category('PRIVACY_RECORD') @Arg('since', () => DateScalar, { nullable: true }) since?: Date | null,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null = 50,
  ): Promise<Disclosure[]> {
    // Confirmations about no one on file are kept for the timing's sake (NO_MEMBER) but disclosed nothing: not listed.
    return disclosuresMade(em, { recipient, since, first: requirePageSize('first', first ?? 50, 500) });
  }
}
