import { randomUUID } from 'node:crypto';
import { ActsOnCaller, badUserInput, Category, DateScalar, MemberKey, NonPersonal, OnlyForPurposes, requireUuid } from '@mutual-graph/platform';
import { policyRefusal } from '@mutual-graph/policy';
import { isoDate, today } from '@mutual-graph/domain-codes';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { eligibleOn } from '../domain/eligibility.js';
import { AssistanceRequest, AssistanceRequestStatus, RequestSource } from '../entities/assistance-request.js';
import { MatterKind } from '../entities/matter-enums.js';

@Resolver(() => AssistanceRequest)
export class AssistanceResolver {
  @Category('MEDICO_LEGAL')
  // Assistance: the member asks for themself, or medico-legal staff for a member.
  @OnlyForPurposes('MEDICO_LEGAL_ASSISTANCE', 'MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => AssistanceRequest, {
    description: 'Opens a request for assistance for events on a date; only for a member protected on that date. Members ask for themselves (memberId left out); staff name the member',
  })
  async requestAssistance(
    @NonPersonal() @Arg('eventsOn', () => DateScalar) eventsOn: Date,
    @NonPersonal() @Arg('kind', () => MatterKind) kind: MatterKind,
    @NonPersonal() @Arg('summary') summary: string,
    @Ctx() { em, hop, peerTokens, peers }: CaseContext,
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID, { nullable: true }) memberId?: string | null,
  ): Promise<AssistanceRequest> {
    const self = hop.purpose === 'MEMBER_SELF_SERVICE';
    const subject = self ? hop.principal.memberId : memberId;
    // The gateway refuses this before planning (SUBJECT_SCOPE on any member id an own-record field is
    // given); kept so that this subgraph never depends on that alone.
    if (self && memberId && memberId !== hop.principal.memberId) throw policyRefusal('SUBJECT_SCOPE', 'a member asks for assistance for themself only', { purpose: hop.purpose });
    if (!subject) throw badUserInput('memberId', 'name the member who needs assistance');
    const id = requireUuid('memberId', subject);
    const day = isoDate(eventsOn);
    if (day > today()) throw badUserInput('eventsOn', 'eventsOn cannot be in the future');
    const text = summary.trim();
    if (text.length < 10 || text.length > 2000) throw badUserInput('summary', 'summary must be 10 to 2,000 characters');

    // Eligibility first: nothing is written for an unknown or unprotected member.
    const eligibility = await eligibleOn(peers.member, peerTokens.member, id, day);
    if (eligibility === 'UNKNOWN') throw badUserInput('memberId', 'no member has this id');
    if (eligibility === 'INELIGIBLE') throw badUserInput('eventsOn', `the physician was not a member on ${day}; assistance follows membership on the date of the events`);

    const request = em.create(AssistanceRequest, {
      id: randomUUID(),
      memberId: id,
      kind,
      eventsOn: day,
      summary: text,
      status: AssistanceRequestStatus.OPEN,
      source: self ? RequestSource.MEMBER : RequestSource.STAFF,
      requestedAt: new Date(),
    });
    await em.flush();
    return request;
  }
}
