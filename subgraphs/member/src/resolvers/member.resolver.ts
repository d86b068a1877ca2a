import { CursorError } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  ActsOnCaller,
  ActsOnNamedMember,
  badUserInput,
  Category,
  isUuid,
  Language,
  MemberKey,
  NonPersonal,
  Provenance,
  Province,
  requirePageSize,
  requireUuid,
  SubjectOnly,
} from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { CollegeRegistration } from '../entities/college-registration.js';
import { EdiProfile } from '../entities/edi-profile.js';
import { Member } from '../entities/member.js';
import { Contact } from '../types/contact.js';
import { MemberConnection, MemberFilter } from '../types/member-connection.js';
import { Membership } from '../types/membership.js';
import { Practice } from '../types/practice.js';

@Resolver(() => Member)
export class MemberResolver {
  @NonPersonal()
  @ActsOnNamedMember()
  @Query(() => Member, { nullable: true, description: 'One member by id' })
  member(@NonPersonal() @MemberKey() @Arg('id', () => ID) id: string, @Ctx() { loaders }: MemberContext): Promise<Member | null> {
    return loaders.memberById.load(requireUuid('id', id));
  }

  @NonPersonal()
  @ActsOnCaller()
  @Query(() => Member, { nullable: true, description: "The caller's own record, when the caller is a member (the token's memberId)" })
  me(@Ctx() { hop, loaders }: MemberContext): Promise<Member | null> | null {
    const memberId = hop.principal.memberId;
    return memberId && isUuid(memberId) ? loaders.memberById.load(memberId.toLowerCase()) : null;
  }

  @NonPersonal()
  @Query(() => MemberConnection, { description: 'Members, filtered, a page at a time (at most 100)' })
  async members(
    @Ctx() { em }: MemberContext,
    @NonPersonal() @Arg('filter', () => MemberFilter, { nullable: true }) filter?: MemberFilter,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null = 20,
    @NonPersonal() @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<MemberConnection> {
    const where: FilterQuery<Member> = {};
    if (filter?.province) where.practiceProvince = filter.province;
    if (filter?.specialty) where.specialty = filter.specialty;
    if (filter?.typeOfWork) where.typeOfWork = filter.typeOfWork;
    if (filter?.status) where.status = filter.status;
    try {
      const page = await em.findByCursor(Member, {
        where,
        first: requirePageSize('first', first ?? 20),
        after: after ?? undefined,
        orderBy: { lastName: 'asc', id: 'asc' },
      });
      return {
        edges: page.items.map((node) => ({ cursor: page.from(node), node })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        totalCount: page.totalCount,
      };
    } catch (error) {
      if (error instanceof CursorError) throw badUserInput('after', 'after is not a cursor this list returned');
      throw error;
    }
  }

  @Category('CONTACT')
  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() member: Member): Contact | null {
    // Destroyed under the retention schedule: there is no contact left to give. The mailing
    // province is written and destroyed with the e-mail; it is never the practice's province.
    if (member.email === null || member.mailingProvince === null) return null;
    return { email: member.email, phone: member.phone ?? '', city: member.city ?? '', province: member.mailingProvince };
  }

  @Category('PROFILE')
  @Provenance('MEMBER')
  @FieldResolver(() => Language, { description: 'The language the member prefers to be served in' })
  preferredLanguage(@Root() member: Member): Language {
    return member.preferredLanguage as Language;
  }

  @Category('PROFESSIONAL')
  @FieldResolver(() => Province, { description: 'The province or territory of practice (also in practice.province)' })
  practiceProvince(@Root() member: Member): Province {
    return member.practiceProvince;
  }

  @Category('PROFESSIONAL')
  @FieldResolver(() => Practice, { nullable: true })
  practice(@Root() member: Member): Practice {
    return { province: member.practiceProvince, specialty: member.specialty, typeOfWork: member.typeOfWork };
  }

  @Category('PROFESSIONAL')
  @FieldResolver(() => [CollegeRegistration], { description: 'Licences with provincial and territorial Colleges' })
  collegeRegistrations(@Root() member: Member, @Ctx() { loaders }: MemberContext): Promise<CollegeRegistration[]> {
    return loaders.registrationsByMember.load(member.id);
  }

  @Category('EDI')
  @SubjectOnly()
  @FieldResolver(() => EdiProfile, { nullable: true, description: 'EDI answers, readable by the member themself only; null when none were given' })
  edi(@Root() member: Member, @Ctx() { loaders }: MemberContext): Promise<EdiProfile | null> {
    return loaders.ediByMember.load(member.id);
  }

  @Category('MEMBERSHIP')
  @FieldResolver(() => Membership)
  membership(@Root() member: Member): Membership {
    return { memberId: member.id, status: member.status };
  }
}
