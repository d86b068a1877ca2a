import { randomUUID } from 'node:crypto';
import { badUserInput, DateScalar, isUuid, NonPersonal, requirePageSize } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/schema';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { Disclosure } from '../entities/disclosure.js';
import { DisclosureInput } from '../types/disclosure-input.js';

@Resolver(() => Disclosure)
export class DisclosureResolver {
  /**
   * The gateway records what a partner was told, before the partner hears it. A gateway effect
   * field (policy matrix): no client operation can select it; only the gateway's own follow-up hop.
   */
  @NonPersonal()
  @Mutation(() => Int, { description: 'Gateway only: records disclosures made to the partner the hop token names' })
  async recordDisclosures(@Arg('disclosures', () => [DisclosureInput]) disclosures: DisclosureInput[], @Ctx() { em, hop }: PrivacyContext): Promise<number> {
    const recipient = hop.principal.partnerId;
    if (!recipient) throw badUserInput('disclosures', 'disclosures are recorded for a partner');
    const disclosedAt = new Date();
    const rows = disclosures.map((d, i) => {
      if (!isUuid(d.memberId)) throw badUserInput(`disclosures.${i}.memberId`, 'memberId must be a UUID');
      if (!d.categories.every(isCategory)) throw badUserInput(`disclosures.${i}.categories`, 'categories must be data categories');
      return { id: randomUUID(), memberId: d.memberId, recipient, purpose: hop.purpose, categories: d.categories, description: d.description.slice(0, 300), disclosedAt };
    });
    if (rows.length > 0) await em.insertMany(Disclosure, rows);
    return rows.length;
  }

  @NonPersonal()
  @Query(() => [Disclosure], { description: 'Disclosures, newest first, optionally to one recipient and since a date (the privacy office)' })
  disclosures(
    @Ctx() { em }: PrivacyContext,
    @Arg('recipient', () => String, { nullable: true }) recipient?: string | null,
    @Arg('since', () => DateScalar, { nullable: true }) since?: Date | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null = 50,
  ): Promise<Disclosure[]> {
    return em.find(
      Disclosure,
      { ...(recipient ? { recipient } : {}), ...(since ? { disclosedAt: { $gte: since } } : {}) },
      { orderBy: { disclosedAt: 'desc', id: 'asc' }, limit: requirePageSize('first', first ?? 50, 500) },
    );
  }
}

