import type { EntityManager } from '@mikro-orm/postgresql';
import { FIRST_KEY, keyedByMember, keysFrom, membersByColumn, pageOf, type DispositionTask } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { CollegeRegistration } from './entities/college-registration.js';
import { EdiProfile } from './entities/edi-profile.js';
import { MemberPracticeCopy } from './entities/member-practice-copy.js';
import { MembershipFee } from './entities/membership-fee.js';

/** Members whose membership ended (they had periods, none of them open or ending on or after the cutoff), after a key. */
const ENDED_BEFORE = `select m.id::text as id from member.member m
  where m.id > ?::uuid
    and exists (select 1 from member.membership_period p where p.member_id = m.id)
    and not exists (select 1 from member.membership_period p where p.member_id = m.id and (p.ends_on is null or p.ends_on >= ?))`;

/** A list of keys as one PostgreSQL array parameter (the keys are uuids this job read itself). */
const keyArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * The retention schedule's rules for what the member subgraph holds: former members' contact
 * details, then their EDI answers (in the EDI store, which the member schema's role cannot read:
 * ended members are found here, and their answers deleted there), then every member's fees of years
 * long ended, then their identity (and the EDI store's copy of their practice).
 */
export function memberDisposition(stores: Record<string, EntityManager>): DispositionTask[] {
  const edi = stores.edi;
  return [
    {
      rule: 'member-contact',
      membersOf: keyedByMember,
      async due(em, cutoff, limit, after) {
        return pageOf(await keysFrom(em, `${ENDED_BEFORE} and m.email is not null order by m.id limit ?`, [after ?? FIRST_KEY, cutoff, limit]), limit);
      },
      async apply(em, ids) {
        const rows: unknown[] = await em
          .getConnection()
          .execute(
            'update member.member set email = null, phone = null, city = null, mailing_province = null where id = any(?::uuid[]) and email is not null returning id',
            [keyArray(ids)],
            'all',
            em.getTransactionContext(),
          );
        return rows.length;
      },
    },
    {
      rule: 'member-edi',
      membersOf: keyedByMember,
      async due(em, cutoff, limit, after) {
        // Every ended member is scanned; only those with answers are due.
        const scanned = await keysFrom(em, `${ENDED_BEFORE} order by m.id limit ?`, [after ?? FIRST_KEY, cutoff, limit]);
        const answered = scanned.length === 0 ? [] : await edi.fork().find(EdiProfile, { memberId: { $in: scanned } }, { fields: ['memberId'] });
        return { ids: answered.map((a) => a.memberId).sort(), next: pageOf(scanned, limit).next };
      },
      apply(_em, ids) {
        // On the EDI store's own connection; idempotent, so a batch repeated after a crash deletes nothing twice.
        return edi.fork().nativeDelete(EdiProfile, { memberId: { $in: ids } });
      },
    },
    {
      // A year's invoice goes, with its payments and refund (cascade), once the year ended before the cutoff.
      rule: 'membership-fees',
      membersOf: membersByColumn('member.membership_fee'),
      async due(em, cutoff, limit, after) {
        const sql = `select id::text as id from member.membership_fee where make_date(year, 12, 31) < ?::date and id > ?::uuid order by id limit ?`;
        return pageOf(await keysFrom(em, sql, [cutoff, after ?? FIRST_KEY, limit]), limit);
      },
      apply(em, ids) {
        return em.nativeDelete(MembershipFee, { id: { $in: ids } });
      },
    },
    {
      rule: 'member-identity',
      membersOf: keyedByMember,
      async due(em, cutoff, limit, after) {
        return pageOf(await keysFrom(em, `${ENDED_BEFORE} and m.anonymised_on is null order by m.id limit ?`, [after ?? FIRST_KEY, cutoff, limit]), limit);
      },
      async apply(em, ids) {
        await em.nativeDelete(CollegeRegistration, { member: { $in: ids } });
        // The membership number becomes a meaningless one derived from the key: unique, about no one.
        const rows: unknown[] = await em.getConnection().execute(
          `update member.member set first_name = 'Anonymised', last_name = 'Member', date_of_birth = null, minc = null,
             membership_number = 'ANON-' || substr(replace(id::text, '-', ''), 1, 11), email = null, phone = null, city = null, mailing_province = null, anonymised_on = ?
           where id = any(?::uuid[]) and anonymised_on is null returning id`,
          [today(), keyArray(ids)],
          'all',
          em.getTransactionContext(),
        );
        // The EDI store's copy of their practice goes with their identity (idempotent, on its own connection).
        await edi.fork().nativeDelete(MemberPracticeCopy, { memberId: { $in: ids } });
        return rows.length;
      },
    },
  ];
}
