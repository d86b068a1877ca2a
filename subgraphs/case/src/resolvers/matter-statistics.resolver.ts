import { badUserInput, Category, NonPersonal, OnlyForPurposes } from '@mutual-graph/platform';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { MatterDimension, MatterStatistics, MatterStatisticsFilter } from '../types/matter-statistics.js';

// Each dimension as an SQL expression over medico_legal_matter; fixed text, never from input.
const EXPRESSION: Record<MatterDimension, string> = {
  KIND: 'kind::text',
  OUTCOME: "coalesce(outcome::text, 'OPEN')",
  PROVINCE: 'province::text',
  YEAR: 'extract(year from opened_on)::int::text',
};

@Resolver(() => MatterStatistics)
export class MatterStatisticsResolver {
  /** Risk management's view of casework in aggregate: one grouped statement, whatever the size. */
  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Query(() => [MatterStatistics], { description: 'Medico-legal matters counted by kind, outcome, province and/or year (RISK_MANAGEMENT)' })
  async matterStatistics(
    @NonPersonal() @Arg('groupBy', () => [MatterDimension]) groupBy: MatterDimension[],
    @Ctx() { em }: CaseContext,
    @NonPersonal() @Arg('filter', () => MatterStatisticsFilter, { nullable: true }) filter?: MatterStatisticsFilter | null,
  ): Promise<MatterStatistics[]> {
    if (groupBy.length < 1 || groupBy.length > 4 || new Set(groupBy).size !== groupBy.length) throw badUserInput('groupBy', 'groupBy takes one to four different dimensions');
    // Each filter given adds its condition and its value.
    const given = (
      [
        ['kind::text = ?', filter?.kind],
        ['province::text = ?', filter?.province],
        ['extract(year from opened_on) >= ?', filter?.fromYear],
        ['extract(year from opened_on) <= ?', filter?.toYear],
      ] as const
    ).filter(([, value]) => value);
    const where = given.map(([condition]) => condition);
    const params = given.map(([, value]) => value);
    const dims = groupBy.map((d, i) => `${EXPRESSION[d]} as d${i}`).join(', ');
    const rows = await em.getConnection().execute<Record<string, string | number>[]>(
      `select ${dims}, count(*)::int as matters,
         count(*) filter (where status = 'CLOSED')::int as closed,
         count(*) filter (where compensation_paid_cad is not null)::int as compensated,
         coalesce(sum(compensation_paid_cad), 0)::text as paid
       from casework.medico_legal_matter ${where.length ? `where ${where.join(' and ')}` : ''}
       group by ${groupBy.map((_, i) => `d${i}`).join(', ')} order by ${groupBy.map((_, i) => `d${i}`).join(', ')}`,
      params,
    );
    return rows.map((row) => ({
      values: groupBy.map((dimension, i) => ({ dimension, value: String(row[`d${i}`]) })),
      matters: Number(row.matters),
      closed: Number(row.closed),
      compensated: Number(row.compensated),
      compensationShare: Number(row.closed) > 0 ? Number(row.compensated) / Number(row.closed) : null,
      compensationPaidCad: Number(row.paid).toFixed(2),
    }));
  }
}
