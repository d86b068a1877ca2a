import { DEFAULT_SYNTHETIC_OPTIONS, syntheticCatalogue, syntheticMembers, syntheticSurveys } from '@mutual-graph/synthetic';
import { isClosed, type Quarter } from '../../src/domain/survey-calendar.js';
import { SurveyedService } from '../../src/domain/surveyed-service.js';
import { satisfactionRate, severeStressReduction, type SurveyCounts } from '../../src/reporting/survey-figures.js';
import { publishResults } from '../../src/reporting/survey-suppression.js';

const options = DEFAULT_SYNTHETIC_OPTIONS;
const catalogue = syntheticCatalogue(options);
const surveys = [...syntheticMembers(options)].flatMap((m) => syntheticSurveys(m, catalogue, options));
// A fresh `npm start` on the day after the data set's: every quarter then closed is reported.
const TODAY = '2026-12-01';

/** The results `serviceSurveyResults` publishes from the seeded surveys, counted as its SQL counts them. */
function results(service: SurveyedService, groupBy: ('QUARTER' | 'REGION')[] = []) {
  const quarters = new Map<Quarter, Map<string, SurveyCounts>>();
  for (const s of surveys) {
    if (s.service !== (service as string) || s.answeredAt === null || !isClosed(s.quarter as Quarter, TODAY)) continue;
    const cells = quarters.get(s.quarter as Quarter) ?? new Map<string, SurveyCounts>();
    const c = cells.get(s.province) ?? { respondents: 0, satisfied: 0, severeBefore: 0, severeAfter: 0 };
    const both = s.stressBefore !== null && s.stressAfter !== null;
    cells.set(s.province, {
      respondents: c.respondents + 1,
      satisfied: c.satisfied + (s.satisfaction! >= 4 ? 1 : 0),
      severeBefore: c.severeBefore + (both && s.stressBefore! >= 4 ? 1 : 0),
      severeAfter: c.severeAfter + (both && s.stressAfter! >= 4 ? 1 : 0),
    });
    quarters.set(s.quarter as Quarter, cells);
  }
  return publishResults(service, quarters, groupBy, 10);
}

describe('the seeded service surveys', () => {
  it("give a fresh stack an annual report's figures among members who spoke to a physician advisor (93% satisfied, 71% less severe stress)", () => {
    const { totals } = results(SurveyedService.ADVICE_CALL);
    expect(totals!.respondents).toBeGreaterThan(150);
    expect(satisfactionRate(totals!)).toBeGreaterThan(0.9);
    expect(satisfactionRate(totals!)).toBeLessThan(0.96);
    expect(severeStressReduction(totals!)).toBeGreaterThan(0.66);
    expect(severeStressReduction(totals!)).toBeLessThan(0.76);
  });

  it('survey members about education events too, with no stress asked', () => {
    const { totals } = results(SurveyedService.EDUCATION_EVENT, ['QUARTER']);
    expect(totals!.respondents).toBeGreaterThan(100);
    expect(totals!.severeBefore).toBe(0);
    expect(surveys.filter((s) => s.service === 'EDUCATION_EVENT').every((s) => s.stressBefore === null)).toBe(true);
  });

  it('ask a member about a service at most once a quarter, only while their consent is current, each answer on the scales', () => {
    const keys = surveys.map((s) => `${s.memberId}:${s.service}:${s.quarter}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of surveys.filter((x) => x.answeredAt !== null)) {
      expect(s.satisfaction).toBeGreaterThanOrEqual(1);
      expect(s.satisfaction).toBeLessThanOrEqual(5);
      expect(s.answeredAt! < s.answerableUntil).toBe(true);
    }
  });
});
