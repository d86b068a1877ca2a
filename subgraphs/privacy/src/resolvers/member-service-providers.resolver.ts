import { Category, OnlyForPurposes } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { dataLocation } from '../domain/data-location.js';
import { providersOfMember } from '../domain/providers-of-member.js';
import { ServiceProvider } from '../entities/service-provider.js';
import { ServiceProviderTransfer } from '../entities/service-provider-transfer.js';
import { MemberServiceProvider } from '../types/member-service-provider.js';
import { Member } from '../types/member.js';

@Resolver(() => Member)
export class MemberServiceProvidersResolver {
  /**
   * For the member alone (MEMBER_SELF_SERVICE, own record), as their access report lists them: the
   * providers receiving some category for the member's province of practice or of the mailing
   * address, now or within the retention period of what they received. Name, service, categories
   * and where the data is kept; never the assessments.
   */
  @Category('PRIVACY_RECORD')
  @Directive('@requires(fields: "practiceProvince contact { province }")')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @FieldResolver(() => [MemberServiceProvider], { description: "Service providers that may hold the member's information, by name (the member only)" })
  async serviceProviders(@Root() member: Member, @Ctx() { em }: PrivacyContext): Promise<MemberServiceProvider[]> {
    const provinces = [member.practiceProvince, member.contact?.province].filter((p): p is NonNullable<typeof p> => typeof p === 'string');
    if (provinces.length === 0) return [];
    const periods = await em.find(ServiceProviderTransfer, { memberProvinces: { $overlap: provinces } });
    const held = providersOfMember(periods, provinces, today());
    if (held.length === 0) return [];
    const providers = new Map((await em.find(ServiceProvider, { id: { $in: held.map((h) => h.providerId) } })).map((p) => [p.id, p]));
    return held
      .map((h) => {
        const p = providers.get(h.providerId)!;
        const locations = p.locations.map(dataLocation);
        return { name: p.name, service: p.service, categories: h.categories, locations, stoppedReceivingOn: h.stoppedReceivingOn };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
