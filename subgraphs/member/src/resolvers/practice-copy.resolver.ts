import { badUserInput, GatewayEffect, MemberKey, NonPersonal, Province, requireUuid } from '@mutual-graph/platform';
import { SPECIALTIES } from '@mutual-graph/domain-codes';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { MemberPracticeCopy } from '../entities/member-practice-copy.js';

@Resolver()
export class PracticeCopyResolver {
  /**
   * The gateway keeps the EDI store's copy of a member's practice current, after the member
   * subgraph changed it: written on the EDI store's own connection, so that EDI releases count by
   * province and specialty without reading the member schema. A gateway effect field: no client calls it.
   */
  @NonPersonal()
  @GatewayEffect()
  @Mutation(() => Boolean, { description: "Gateway only: replaces the EDI store's copy of a member's practice province and specialty" })
  async syncMemberPractice(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('province', () => Province) province: Province,
    @NonPersonal() @Arg('specialty') specialty: string,
    @Ctx() { stores }: MemberContext,
  ): Promise<boolean> {
    const id = requireUuid('memberId', memberId);
    if (!(SPECIALTIES as readonly string[]).includes(specialty)) throw badUserInput('specialty', 'specialty is not a known specialty code');
    await stores.edi.fork().upsert(MemberPracticeCopy, { memberId: id, province, specialty });
    return true;
  }
}
