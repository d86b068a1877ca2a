import { Category, DateScalar, NO_MEMBER, NonPersonal } from '@mutual-graph/platform';
import { isoDate } from '@mutual-graph/domain-codes';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { partnerLookupKey } from '../domain/partner-lookup.js';
import { periodCovers } from '../entities/membership-period.js';
import { MembershipStatus } from '../entities/membership-status.js';
import { MembershipConfirmation } from '../types/membership-confirmation.js';

const NOT_A_MEMBER: MembershipConfirmation = { isMember: false, status: MembershipStatus.NOT_A_MEMBER, validFrom: null, validTo: null };

/**
 * The member a MINC or membership number names and all their periods, in one statement on the two
 * unique indexes and the periods' (member, start) index: one row per period, one with no period for
 * a member who has none, none for a number no member has; earliest period first. Dates as
 * `YYYY-MM-DD`, as the entities hold them.
 */
const lookup = (key: 'minc' | 'membership_number') => `select m.id::text as id, to_char(p.starts_on, 'YYYY-MM-DD') as starts_on, to_char(p.ends_on, 'YYYY-MM-DD') as ends_on
  from member.member m left join member.membership_period p on p.member_id = m.id
  where m.${key} = ? order by p.starts_on`;
const BY_MINC = lookup('minc');
const BY_MEMBERSHIP_NUMBER = lookup('membership_number');

interface LookupRow {
  id: string;
  starts_on: string | null;
  ends_on: string | null;
}

@Resolver(() => MembershipConfirmation)
export class MembershipConfirmationResolver {
  @NonPersonal()
  @Directive('@tag(name: "partner")')
  @Query(() => MembershipConfirmation, {
    nullable: true,
    description: 'Whether a physician, named by MINC or membership number, was a member on a date (today by default)',
  })
  async membershipConfirmation(
    @Ctx() { connection, notices }: MemberContext,
    @NonPersonal() @Arg('minc', () => String, { nullable: true }) minc?: string | null,
    @NonPersonal() @Arg('membershipNumber', () => String, { nullable: true }) membershipNumber?: string | null,
    @Category('MEMBERSHIP') @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: Date | null,
  ): Promise<MembershipConfirmation> {
    const key = partnerLookupKey(minc, membershipNumber);
    const day = isoDate(asOf ?? new Date());

    // One statement on indexes, whoever the number names: someone never a member goes down the
    // same path as a former member, periods look-up and recorded notice included (naming NO_MEMBER,
    // disclosing nothing); otherwise the missing work would show in the answer's timing (21 ms
    // against 37) what the answer itself does not say. Nothing about the person leaves this resolver but the answer.
    const rows = await connection.execute<LookupRow[]>(key.column === 'minc' ? BY_MINC : BY_MEMBERSHIP_NUMBER, [key.value], 'all');
    const member = rows.length > 0 ? { id: rows[0].id } : undefined;
    const covering = rows.find((row) => row.starts_on !== null && periodCovers({ startsOn: row.starts_on, endsOn: row.ends_on }, day));
    const answer = covering ? { isMember: true, status: MembershipStatus.ACTIVE, validFrom: covering.starts_on, validTo: covering.ends_on } : NOT_A_MEMBER;
    // A confirmation about a member is a disclosure: the gateway records it before it answers.
    notices.push(
      member
        ? {
            kind: 'disclosure',
            memberId: member.id,
            categories: ['MEMBERSHIP'],
            description: `Membership confirmation as of ${day}: ${answer.isMember ? `a member since ${answer.validFrom}` : 'not a member on that date'}`,
          }
        : { kind: 'disclosure', memberId: NO_MEMBER, categories: [], description: `Membership confirmation as of ${day}: no member on file, nothing disclosed` },
    );
    return answer;
  }
}
