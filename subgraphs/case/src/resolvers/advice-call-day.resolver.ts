import { OnlyForPurposes, Category } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { AdviceCallDay, AdviceCallToSurvey } from '../types/advice-call-day.js';

@Resolver(() => AdviceCallDay)
export class AdviceCallDayResolver {
  @Category('MEDICO_LEGAL')
  // Who called an advisor that day, for their survey and nothing else.
  @OnlyForPurposes('SERVICE_EVALUATION')
  @FieldResolver(() => [AdviceCallToSurvey], { description: "The day's calls, one per member who called (service evaluation, sending surveys)" })
  async calls(@Root() day: AdviceCallDay, @Ctx() { em }: CaseContext): Promise<AdviceCallToSurvey[]> {
    const rows = await em.getConnection().execute<{ member_id: string }[]>('select distinct member_id from casework.advice_call where called_on = ?::date order by member_id', [day.on]);
    return rows.map((r) => ({ memberId: r.member_id }));
  }
}
