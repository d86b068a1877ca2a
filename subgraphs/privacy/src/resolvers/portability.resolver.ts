import { LockMode } from '@mikro-orm/core';
import { badUserInput, Category, GatewayEffect, NonPersonal, requireUuid } from '@mutual-graph/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { portabilityDisclosure } from '../domain/portability-release.js';
import { releaseRefusal } from '../domain/separation-of-duties.js';
import { Disclosure } from '../entities/disclosure.js';
import { PrivacyRequest } from '../entities/privacy-request.js';

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
    return em.transactional(async (tx) => {
      const request = await tx.findOne(PrivacyRequest, { id: requireUuid('requestId', requestId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!request) throw badUserInput('requestId', 'no privacy request has this id');
      const refusal = releaseRefusal(request);
      if (refusal) throw refusal;
      return tx.create(Disclosure, portabilityDisclosure(request, hop.principal.sub, categories, new Date()));
    });
  }
}
