import { Category, GatewayEffect, NonPersonal } from '@mutual-graph/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { portabilityDisclosure } from '../domain/portability-release.js';
import { recordReleaseToMember } from '../domain/release-to-member.js';
import { Disclosure } from '../entities/disclosure.js';

/**
 * The release of a portability export (s. 27): cleared like the access report (the same
 * `accessReportClearance`, the same refusals), recorded by its own gateway effect.
 */
@Resolver()
export class PortabilityResolver {
  /** A gateway effect field: the gateway records the export's release, checked again under the request's lock, before the officer receives it. */
  @Category('PRIVACY_RECORD')
  @GatewayEffect()
  @Mutation(() => Disclosure, { description: "Gateway only: records that a portability export of the member's information was released to them, by the officer the hop token names" })
  recordPortabilityRelease(
    @NonPersonal() @Arg('requestId', () => ID) requestId: string,
    @NonPersonal() @Arg('categories', () => [String]) categories: string[],
    @Ctx() { em, hop }: PrivacyContext,
  ): Promise<Disclosure> {
    return recordReleaseToMember(em, requestId, (request) => portabilityDisclosure(request, hop.principal.sub, categories, new Date()));
  }
}
