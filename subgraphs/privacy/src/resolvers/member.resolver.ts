import { Category } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { Consent } from '../entities/consent.js';
import { Member } from '../types/member.js';

@Resolver(() => Member)
export class MemberPrivacyResolver {
  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [Consent], { description: "The member's consents, one per purpose" })
  consents(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<Consent[]> {
    return loaders.consentsByMember.load(member.id);
  }
}
