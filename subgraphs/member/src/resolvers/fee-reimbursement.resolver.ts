import { NO_MEMBER, NonPersonal, RequiresRole } from '@mutual-graph/platform';
import { consentNeededFor } from '@mutual-graph/policy';
import { dayBefore } from '@mutual-graph/domain-codes';
import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { consentsToFeeReimbursement } from '../domain/fee-reimbursement-consent.js';
import { feeYear, shareOf } from '../domain/fees.js';
import { partnerLookupKey } from '../domain/partner-lookup.js';
import { FeeReimbursement } from '../types/fee-reimbursement.js';

/**
 * The member a number names, whether the asking partner runs a program for the province they
 * practise in covering the year, and their invoice for it with what was paid and refunded: one
 * statement on unique indexes, always one row (all nulls for a number no member has). Practice
 * province has no history in this graph (no operation changes it after the application), so the
 * member's province now is the one in force in every year; a change of practice would need a dated one.
 */
// The invoice is joined only for the asking program's own province: for anyone else the work is the same whether or not the number names someone.
const lookup = (key: 'minc' | 'membership_number') => `select m.id::text as id, prog.id is not null as in_program, prog.share_basis_points,
    to_char(f.covered_from, 'YYYY-MM-DD') as covered_from, to_char(f.covered_to, 'YYYY-MM-DD') as covered_to,
    (select coalesce(sum(p.amount_cents), 0) from member.fee_payment p where p.fee_id = f.id)::int as paid_cents,
    coalesce(r.refund_cents, 0) as refund_cents, to_char(r.left_on, 'YYYY-MM-DD') as left_on, f.privacy_policy_version
  from (values (1)) as one (x)
  left join member.member m on m.${key} = ?
  left join member.fee_reimbursement_program prog on prog.partner_id = ? and prog.province = m.province and prog.from_year <= ? and (prog.to_year is null or prog.to_year >= ?)
  left join member.membership_fee f on f.member_id = m.id and f.year = ? and prog.id is not null
  left join member.fee_refund r on r.fee_id = f.id`;
const BY_MINC = lookup('minc');
const BY_MEMBERSHIP_NUMBER = lookup('membership_number');

interface LookupRow {
  id: string | null;
  in_program: boolean;
  share_basis_points: number | null;
  covered_from: string | null;
  covered_to: string | null;
  paid_cents: number;
  refund_cents: number;
  left_on: string | null;
  privacy_policy_version: string | null;
}

const notConfirmed = (year: number): FeeReimbursement => ({ year, confirmed: false, amountPaidCents: null, coveredFrom: null, coveredTo: null, provinceShareCents: null });

@Resolver(() => FeeReimbursement)
export class FeeReimbursementResolver {
  @NonPersonal()
  @RequiresRole('fee-reimbursement-program')
  @Directive('@tag(name: "partner")')
  @Query(() => FeeReimbursement, {
    nullable: true,
    description:
      "What a physician, named by MINC or membership number, paid for a year, for the fee reimbursement program of the province they practise in (partner tokens of such a program only): the amount less any refund, the days it covers, and the province's share when the program defines one",
  })
  async feeReimbursement(
    @Ctx() { connection, hop, notices, peers, peerTokens }: MemberContext,
    @NonPersonal() @Arg('year', () => Int) year: number,
    @NonPersonal() @Arg('minc', () => String, { nullable: true }) minc?: string | null,
    @NonPersonal() @Arg('membershipNumber', () => String, { nullable: true }) membershipNumber?: string | null,
  ): Promise<FeeReimbursement> {
    const key = partnerLookupKey(minc, membershipNumber);
    const y = feeYear(year);
    // The program is the token's partner, as the gateway verified it; a token naming none matches no program.
    const partnerId = hop.principal.partnerId ?? '';
    // One statement whoever the number names and whoever asks: a number no member has, a member of
    // another province, a program outside its years and a member who paid nothing take the same path,
    // the same notice and the same write at the gateway, so neither the answer nor its timing tells them apart.
    const [row] = await connection.execute<LookupRow[]>(key.column === 'minc' ? BY_MINC : BY_MEMBERSHIP_NUMBER, [key.value, partnerId, y, y, y], 'all');
    const theirs = row.id !== null && row.in_program;
    // Fees billed before the policy announced this use go to the program only with the member's
    // consent (privacy-policy.ts). Asked for every answer, whoever the number names.
    const consented = await consentsToFeeReimbursement({ peers, peerTokens }, theirs ? row.id : null);
    const consentNeeded = row.privacy_policy_version !== null && consentNeededFor('PARTNER_CONFIRMATION', 'FINANCIAL', row.privacy_policy_version) !== null;
    const amountPaidCents = row.paid_cents - row.refund_cents;
    const answer: FeeReimbursement =
      theirs && row.covered_from !== null && amountPaidCents > 0 && (consented || !consentNeeded)
        ? {
            year: y,
            confirmed: true,
            amountPaidCents,
            coveredFrom: row.covered_from,
            coveredTo: row.left_on && row.left_on <= row.covered_to! ? dayBefore(row.left_on) : row.covered_to,
            provinceShareCents: row.share_basis_points === null ? null : shareOf(amountPaidCents, row.share_basis_points),
          }
        : notConfirmed(y);
    // Telling the member's own province's program what they paid (or that nothing is confirmed) is a
    // disclosure, recorded by the gateway before it answers; an answer to anyone else discloses nothing.
    notices.push(
      theirs
        ? {
            kind: 'disclosure',
            memberId: row.id!,
            categories: ['FINANCIAL'],
            description: answer.confirmed
              ? `Fee reimbursement for ${y}: ${answer.amountPaidCents} cents paid, covering ${answer.coveredFrom} to ${answer.coveredTo}`
              : consentNeeded && !consented && amountPaidCents > 0
                ? `Fee reimbursement for ${y}: not confirmed, billed under privacy policy ${row.privacy_policy_version} and no consent to fee reimbursement on record`
                : `Fee reimbursement for ${y}: no payment confirmed`,
          }
        : { kind: 'disclosure', memberId: NO_MEMBER, categories: [], description: `Fee reimbursement for ${y}: no member of this program's province on file, nothing disclosed` },
    );
    return answer;
  }
}
