import type { EntityManager } from '@mikro-orm/postgresql';
import { today as todayUtc } from '@mutual-graph/domain-codes';
import { badUserInput } from '@mutual-graph/platform';
import { MINIMUM_CELL_SIZE_FLOOR } from '@mutual-graph/policy';
import { SATISFIED_FROM, SEVERE_STRESS_FROM } from '../domain/survey-answers.js';
import { isClosed, quarterEnd, quartersBetween, quarterStart, type Quarter } from '../domain/survey-calendar.js';
import type { SurveyedService } from '../domain/surveyed-service.js';
import type { Province } from '@mutual-graph/platform';
import { SurveyDimension, type ServiceSurveyGroup, type ServiceSurveyResults } from '../types/service-survey-results.js';
import { satisfactionRate, severeStressReduction, type SurveyCounts } from './survey-figures.js';
import { NO_REGION, publishResults, type Grouping, type QuarterCounts } from './survey-suppression.js';

/** Where results begin when no `from` is given: the survey programme's first quarter. */
export const FIRST_SURVEYED_DAY = '2020-01-01';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True counts per closed quarter and region, from the answered surveys (anonymised ones too: they are about no one, and still count). */
async function countQuarters(em: EntityManager, service: SurveyedService, quarters: readonly Quarter[]): Promise<Map<Quarter, QuarterCounts>> {
  const rows = await em.getConnection().execute<{ quarter: Quarter; province: string | null; respondents: number; satisfied: number; severe_before: number; severe_after: number }[]>(
    `select quarter, province::text as province, count(*)::int as respondents,
       count(*) filter (where satisfaction >= ?)::int as satisfied,
       count(*) filter (where stress_before >= ? and stress_after is not null)::int as severe_before,
       count(*) filter (where stress_after >= ? and stress_before is not null)::int as severe_after
     from education.service_survey
     where service = ?::education.surveyed_service and quarter = any(?::text[]) and answered_at is not null
     group by quarter, province`,
    [SATISFIED_FROM, SEVERE_STRESS_FROM, SEVERE_STRESS_FROM, service, `{${quarters.join(',')}}`],
  );
  const counts = new Map<Quarter, Map<string, SurveyCounts>>(quarters.map((q) => [q, new Map()]));
  for (const r of rows) {
    counts.get(r.quarter)!.set(r.province ?? NO_REGION, { respondents: r.respondents, satisfied: r.satisfied, severeBefore: r.severe_before, severeAfter: r.severe_after });
  }
  return counts;
}

const figures = (c: SurveyCounts | null) =>
  c === null
    ? { respondents: null, satisfactionRate: null, severeStressReduction: null, suppressed: true }
    : { respondents: c.respondents, satisfactionRate: satisfactionRate(c), severeStressReduction: severeStressReduction(c), suppressed: false };

/**
 * Results over the closed quarters from `from`'s to `to`'s (whole quarters: a quarter's figures are
 * final once it is closed), grouped as asked, every figure a sum of whole cells of at least the
 * minimum (survey-suppression.ts). Nothing in the answer names or points to a member.
 */
export async function readResults(
  em: EntityManager,
  service: SurveyedService,
  from: string | null | undefined,
  to: string | null | undefined,
  groupBy: readonly SurveyDimension[],
): Promise<ServiceSurveyResults> {
  const today = todayUtc();
  for (const [argument, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (value != null && !DATE.test(value)) throw badUserInput(argument, `${argument} is a date, YYYY-MM-DD`);
  const first = from ?? FIRST_SURVEYED_DAY;
  const last = to ?? today;
  if (first > last) throw badUserInput('from', 'from is on or before to');
  if (new Set(groupBy).size !== groupBy.length) throw badUserInput('groupBy', 'groupBy names each dimension once');
  const quarters = quartersBetween(first < FIRST_SURVEYED_DAY ? FIRST_SURVEYED_DAY : first, last > today ? today : last).filter((q) => isClosed(q, today));
  const minimum = MINIMUM_CELL_SIZE_FLOOR;
  const grouping: Grouping[] = groupBy.map((d) => (d === SurveyDimension.QUARTER ? 'QUARTER' : 'REGION'));
  const published = publishResults(service, await countQuarters(em, service, quarters), grouping, minimum);
  const counted = quarters.filter((q) => !published.withheldQuarters.includes(q));
  const groups: ServiceSurveyGroup[] = published.cells.map((cell) => ({
    quarter: cell.quarter,
    province: cell.region as Province | null,
    provinces: cell.regions.filter((r) => r !== NO_REGION) as Province[],
    includesUnknownProvince: cell.regions.includes(NO_REGION),
    ...figures(cell.counts),
  }));
  return {
    service,
    from: counted.length ? quarterStart(counted[0]) : null,
    to: counted.length ? quarterEnd(counted[counted.length - 1]) : null,
    ...figures(published.totals),
    withheldQuarters: published.withheldQuarters,
    minimumCellSize: minimum,
    groups,
  };
}
