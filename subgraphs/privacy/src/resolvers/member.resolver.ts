import { Category } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { Consent } from '../entities/consent.js';
import { Disclosure } from '../entities/disclosure.js';
import { PrivacyRequest } from '../entities/privacy-request.js';
import { Member } from '../types/member.js';

@Resolver(() => Member)
export class MemberPrivacyResolver {
  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [Consent], { description: "The member's consents, one per purpose" })
  consents(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<Consent[]> {
    return loaders.consentsByMember.load(member.id);
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [PrivacyRequest], { description: 'Access, correction and consent-withdrawal requests, newest first' })
  privacyRequests(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<PrivacyRequest[]> {
    return loaders.requestsByMember.load(member.id);
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [Disclosure], { description: "Organisations that received the member's information, newest first" })
  disclosures(@Root() member: Member, @Ctx() { loaders }: PrivacyContext): Promise<Disclosure[]> {
    return loaders.disclosuresByMember.load(member.id);
  }
}
