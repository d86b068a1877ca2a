import { badUserInput, NonPersonal, Province } from '@mutual-graph/platform';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { EdiProfile } from '../entities/edi-profile.js';
import { EDI_ANSWERS, EDI_COLUMN, EdiDimension, NOT_ANSWERED } from '../reporting/edi-dimensions.js';
import { minimumCellSize } from '../reporting/minimum-cell-size.js';
import { countCube, suppress } from '../reporting/small-cell-suppression.js';
import { EdiSummary, EdiSummaryFilter } from '../types/edi-summary.js';

const MAX_DIMENSIONS = 3;

@Resolver(() => EdiSummary)
export class EdiSummaryResolver {
  /**
   * Counts EDI answers by up to three dimensions. The cube counted is the grouping plus any
   * filtered dimension, so a filter is a slice of the same suppressed cube as the grouping by
   * that dimension, and a wider filter is one of its line totals: neither gives back a cell.
   */
  @NonPersonal()
  @Query(() => EdiSummary, { description: 'EDI answers in aggregate only, small cells suppressed (EDI_REPORTING)' })
  async ediSummary(
    @NonPersonal() @Arg('groupBy', () => [EdiDimension]) groupBy: EdiDimension[],
    @Ctx() { em, stores }: MemberContext,
    @NonPersonal() @Arg('filter', () => EdiSummaryFilter, { nullable: true }) filter?: EdiSummaryFilter | null,
  ): Promise<EdiSummary> {
    if (groupBy.length < 1 || groupBy.length > MAX_DIMENSIONS || new Set(groupBy).size !== groupBy.length) {
      throw badUserInput('groupBy', `groupBy takes one to ${MAX_DIMENSIONS} different dimensions`);
    }
    if (filter?.specialty !== undefined && filter.specialty !== null && !/^[A-Z_]{1,40}$/.test(filter.specialty)) {
      throw badUserInput('filter.specialty', 'specialty is a code such as FAMILY_MEDICINE');
    }
    const dimensions = [...groupBy];
    if (filter?.province && !dimensions.includes(EdiDimension.PROVINCE)) dimensions.push(EdiDimension.PROVINCE);
    if (filter?.specialty && !dimensions.includes(EdiDimension.SPECIALTY)) dimensions.push(EdiDimension.SPECIALTY);

    // EDI answers through the EDI store's own connection; province and specialty of the same
    // members' practice through the member connection, one statement, for aggregation only.
    // Column `province` is the practice's (Member.practiceProvince), never the mailing address's.
    // Plain rows, not entities: a summary reads every respondent, and hydrating tens of thousands
    // of entities took seconds per summary at 100,000 members (the benchmark found it).
    const answers = (await stores.edi!.createQueryBuilder(EdiProfile).select(['memberId', ...Object.values(EDI_COLUMN)]).execute('all')) as unknown as EdiProfile[];
    const practice = new Map<string, { province: string; specialty: string }>();
    if (dimensions.includes(EdiDimension.PROVINCE) || dimensions.includes(EdiDimension.SPECIALTY)) {
      const rows = await em.getConnection().execute<{ id: string; province: string; specialty: string }[]>(
        // One array parameter, however many respondents (an IN list would hit PostgreSQL's parameter limit);
        // the ids are uuids read from the EDI store's uuid column.
        'select id, province, specialty from member.member where id = any(?::uuid[])',
        [`{${answers.map((a) => a.memberId).join(',')}}`],
      );
      for (const row of rows) practice.set(row.id, { province: row.province, specialty: row.specialty });
    }

    const valueOf = (answer: EdiProfile, dimension: EdiDimension): string => {
      if (dimension === EdiDimension.PROVINCE) return practice.get(answer.memberId)!.province;
      if (dimension === EdiDimension.SPECIALTY) return practice.get(answer.memberId)!.specialty;
      return answer[EDI_COLUMN[dimension]] ?? NOT_ANSWERED;
    };
    const specialties = [...new Set([...[...practice.values()].map((p) => p.specialty), ...(filter?.specialty ? [filter.specialty] : [])])].sort();
    const values = dimensions.map((d) => (d === EdiDimension.PROVINCE ? Object.values(Province) : d === EdiDimension.SPECIALTY ? specialties : [...EDI_ANSWERS[d]!]));
    const cube = countCube(dimensions, values, answers.map((answer) => dimensions.map((d) => valueOf(answer, d))));
    const minimum = minimumCellSize();
    const suppressed = suppress(cube, minimum);

    const fixed = new Map<number, string>();
    if (filter?.province) fixed.set(dimensions.indexOf(EdiDimension.PROVINCE), filter.province);
    if (filter?.specialty) fixed.set(dimensions.indexOf(EdiDimension.SPECIALTY), filter.specialty);
    const cells = [...cube.counts.entries()]
      .map(([key, count]) => ({ parts: key.split('\u0000'), key, count }))
      .filter(({ parts }) => [...fixed].every(([i, v]) => parts[i] === v))
      .map(({ parts, key, count }) => ({
        values: groupBy.map((dimension) => ({ dimension, value: parts[dimensions.indexOf(dimension)]! })),
        count: suppressed.has(key) ? null : count,
        suppressed: suppressed.has(key),
      }));
    return { cells, suppressedCells: cells.filter((c) => c.suppressed).length, minimumCellSize: minimum };
  }
}

