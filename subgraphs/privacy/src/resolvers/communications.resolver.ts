import { CursorError } from '@mikro-orm/core';
import { badUserInput, Category, NonPersonal, OnlyForPurposes, requirePageSize } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { Consent } from '../entities/consent.js';
import { ConsentPurpose, ConsentStatus, NO_RECIPIENT } from '../entities/consent-enums.js';
import { CommunicationPreferences, CommunicationsAudience } from '../types/communication-preferences.js';
import { Member } from '../types/member.js';

/**
 * The communications consent decides whom the COMMUNICATIONS purpose reaches: the audience is read
 * here, from the consents as they stand, so a withdrawal takes effect with the next request.
 */
@Resolver(() => Member)
export class CommunicationsResolver {
  @Category('COMMUNICATIONS')
  @FieldResolver(() => CommunicationPreferences, { description: 'Whether the member may be sent communications' })
  async communicationPreferences(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<CommunicationPreferences> {
    const consent = await loaders.communicationsConsent.load(member.id);
    const consented = consent?.status === ConsentStatus.GRANTED;
    return { consented, consentedSince: consented ? consent.grantedAt : null };
  }

  @NonPersonal()
  // Whom communications may reach: the communications team's list, read from the consents.
  @OnlyForPurposes('COMMUNICATIONS')
  @Query(() => CommunicationsAudience, { description: 'Members whose communications consent is current (COMMUNICATIONS), a page at a time (at most 500)' })
  async communicationsAudience(
    @Ctx() { em }: PrivacyContext,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null = 100,
    @NonPersonal() @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<CommunicationsAudience> {
    try {
      const page = await em.findByCursor(Consent, {
        where: { purpose: ConsentPurpose.COMMUNICATIONS, recipient: NO_RECIPIENT, status: ConsentStatus.GRANTED },
        first: requirePageSize('first', first ?? 100, 500),
        after: after ?? undefined,
        orderBy: { memberId: 'asc' },
      });
      return { members: page.items.map((c) => ({ id: c.memberId })), hasNextPage: page.hasNextPage, endCursor: page.endCursor, totalCount: page.totalCount };
    } catch (error) {
      if (error instanceof CursorError) throw badUserInput('after', 'after is not a cursor this list returned');
      throw error;
    }
  }
}
