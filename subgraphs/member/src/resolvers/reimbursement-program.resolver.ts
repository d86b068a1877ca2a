import { NonPersonal, OnlyForPurposes, RequiresRole } from '@mutual-graph/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { FeeReimbursementProgram } from '../entities/fee-reimbursement-program.js';
import { setFeeReimbursementProgram } from '../services/fees.js';
import { FeeReimbursementProgramInput } from '../types/fee-inputs.js';

/** The provinces' fee reimbursement programs, managed by membership staff. */
@Resolver(() => FeeReimbursementProgram)
export class ReimbursementProgramResolver {
  @NonPersonal()
  @OnlyForPurposes('MEMBERSHIP')
  @Query(() => [FeeReimbursementProgram], { description: 'The fee reimbursement programs, by province' })
  feeReimbursementPrograms(@Ctx() { em }: MemberContext): Promise<FeeReimbursementProgram[]> {
    return em.find(FeeReimbursementProgram, {}, { orderBy: { province: 'asc', partnerId: 'asc' } });
  }

  @NonPersonal()
  @OnlyForPurposes('MEMBERSHIP')
  @RequiresRole('membership-finance')
  @Mutation(() => FeeReimbursementProgram, { description: 'Adds a fee reimbursement program, or changes the one a partner runs for a province' })
  setFeeReimbursementProgram(
    @NonPersonal() @Arg('program', () => FeeReimbursementProgramInput) program: FeeReimbursementProgramInput,
    @Ctx() context: MemberContext,
  ): Promise<FeeReimbursementProgram> {
    return setFeeReimbursementProgram(context, program);
  }
}
