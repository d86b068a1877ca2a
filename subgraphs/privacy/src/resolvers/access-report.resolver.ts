import { Category, GatewayEffect, NonPersonal, OnlyForPurposes, requireUuid } from '@mutual-graph/platform';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { accessReportDisclosure } from '../domain/access-report-release.js';
import { recordReleaseToMember } from '../domain/release-to-member.js';
import { releaseRefusal } from '../domain/separation-of-duties.js';
import { Disclosure } from '../entities/disclosure.js';
import { PrivacyRequest } from '../entities/privacy-request.js';

/** The two steps of releasing an access report, around the gateway's gathering of the member's information. */
@Resolver()
export class AccessReportResolver {
  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => PrivacyRequest, {
    nullable: true,
    description: 'The request, when its access report may be released now (the privacy office); null for no such request; otherwise refused with the reason (BAD_USER_INPUT, extensions.reason)',
  })
  async accessReportClearance(@NonPersonal() @Arg('requestId', () => ID) requestId: string, @Ctx() { em }: PrivacyContext): Promise<PrivacyRequest | null> {
    const request = await em.findOne(PrivacyRequest, { id: requireUuid('requestId', requestId) });
    if (!request) return null;
    const refusal = releaseRefusal(request);
    if (refusal) throw refusal;
    return request;
  }

  /**
   * A gateway effect field: the gateway records the release, checked again under the request's
   * lock, before the officer receives the report (no record, no report).
   */
  @Category('PRIVACY_RECORD')
  @GatewayEffect()
  @Mutation(() => Disclosure, { description: 'Gateway only: records that an access report was released to the member, by the officer the hop token names' })
  recordAccessReportRelease(
    @NonPersonal() @Arg('requestId', () => ID) requestId: string,
    @NonPersonal() @Arg('categories', () => [String]) categories: string[],
    @Ctx() { em, hop }: PrivacyContext,
  ): Promise<Disclosure> {
    return recordReleaseToMember(em, requestId, (request) => accessReportDisclosure(request, hop.principal.sub, categories, new Date()));
  }
}
