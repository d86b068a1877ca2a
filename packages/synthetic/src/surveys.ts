import { addDays, addYears } from '@mutual-graph/domain-codes';
import { syntheticCasework } from './casework.js';
import { syntheticConsents } from './consents.js';
import { syntheticCompletions, type SyntheticActivity } from './learning.js';
import type { SyntheticMember } from './members.js';
import { Domain, fakerFor, weighted } from './random.js';
import type { SyntheticOptions } from './options.js';

export type SurveyedService = 'ADVICE_CALL' | 'EDUCATION_EVENT';

export interface SyntheticServiceSurvey {
  id: string;
  memberId: string;
  service: SurveyedService;
  serviceOn: string;
  quarter: string;
  province: string;
  sentAt: string;
  answerableUntil: string;
  answeredAt: string | null;
  satisfaction: number | null;
  stressBefore: number | null;
  stressAfter: number | null;
  comment: string | null;
}

/** Surveys began two years before the data set's day (all within the retention schedule's three). */
const SURVEYED_YEARS = 2;
const RESPONSE_RATE = 0.7;
const STRESS_ANSWERED = 0.92;
// Calibrated to the annual report's figures among members who spoke to a physician advisor:
// about 93% satisfied (4 or 5), and about 71% fewer severely stressed (4 or 5) after the call.
const SATISFACTION = [
  [5, 64],
  [4, 31],
  [3, 3],
  [2, 1.5],
  [1, 0.5],
] as const;
const STRESS_BEFORE = [
  [5, 25],
  [4, 35],
  [3, 22],
  [2, 12],
  [1, 6],
] as const;
const SEVERE_AFTER_IF_SEVERE = 0.32;
const SEVERE_AFTER_IF_NOT = 0.03;
// Events are workshops and webinars: the live sessions of the catalogue.
const LIVE = new Set(['WORKSHOP', 'WEBINAR']);
const COMMENTS = {
  EN: ['The advisor was clear and reassuring. (synthetic example)', 'I would have liked a quicker call back. (synthetic example)', 'Very useful session. (synthetic example)'],
  FR: ['Conseils clairs et rassurants. (exemple synthétique)', "J'aurais aimé être rappelé plus vite. (exemple synthétique)", 'Séance très utile. (exemple synthétique)'],
};

const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

/** Whether the member's survey consent was current on a day, from their synthetic consent history. */
function consentedOn(member: SyntheticMember, options: SyntheticOptions): (day: string) => boolean {
  const events = syntheticConsents(member, options).filter((e) => e.purpose === 'SURVEYS');
  return (day) => {
    const before = events.filter((e) => e.recordedAt.slice(0, 10) < day);
    return before.at(-1)?.decision === 'GRANTED';
  };
}

/**
 * A member's service surveys: after an advice call or a live education session, only while their
 * survey consent was current, at most one a service and quarter (the first), as the survey
 * subgraph sends them. Some are never answered; answers and comments are drawn per member, so
 * any member's rows come out the same alone or with the population.
 */
export function syntheticSurveys(member: SyntheticMember, catalogue: readonly SyntheticActivity[], options: SyntheticOptions): SyntheticServiceSurvey[] {
  const since = addYears(options.asOf, -SURVEYED_YEARS);
  const consented = consentedOn(member, options);
  const live = new Set(catalogue.filter((a) => LIVE.has(a.kind)).map((a) => a.id));
  const served: { service: SurveyedService; on: string }[] = [
    ...syntheticCasework(member, options).calls.map((c) => ({ service: 'ADVICE_CALL' as const, on: c.calledOn })),
    ...syntheticCompletions(member, [...catalogue], options)
      .filter((c) => live.has(c.activityId))
      .map((c) => ({ service: 'EDUCATION_EVENT' as const, on: c.completedOn })),
  ]
    .filter((s) => s.on >= since && s.on < options.asOf && consented(s.on))
    .sort((a, b) => a.on.localeCompare(b.on) || a.service.localeCompare(b.service));
  const faker = fakerFor(options.seed, member.index, Domain.survey, member.preferredLanguage);
  const surveys: SyntheticServiceSurvey[] = [];
  const asked = new Set<string>();
  for (const { service, on } of served) {
    const key = `${service}:${quarterOf(on)}`;
    if (asked.has(key)) continue;
    asked.add(key);
    const sentOn = addDays(on, 1);
    const answeredOn = addDays(sentOn, faker.number.int({ min: 0, max: 20 }));
    const answers = faker.datatype.boolean(RESPONSE_RATE) && answeredOn <= options.asOf;
    const stress = answers && service === 'ADVICE_CALL' && faker.datatype.boolean(STRESS_ANSWERED);
    const before = stress ? weighted(faker, STRESS_BEFORE) : null;
    const severeAfter = before !== null && faker.datatype.boolean(before >= 4 ? SEVERE_AFTER_IF_SEVERE : SEVERE_AFTER_IF_NOT);
    const after = before === null ? null : severeAfter ? faker.number.int({ min: 4, max: 5 }) : faker.number.int({ min: 1, max: 3 });
    surveys.push({
      id: faker.string.uuid(),
      memberId: member.id,
      service,
      serviceOn: on,
      quarter: quarterOf(on),
      province: member.province,
      sentAt: `${sentOn}T14:00:00.000Z`,
      answerableUntil: `${addDays(sentOn, 30)}T14:00:00.000Z`,
      answeredAt: answers ? `${answeredOn}T${String(faker.number.int({ min: 8, max: 21 })).padStart(2, '0')}:00:00.000Z` : null,
      satisfaction: answers ? weighted(faker, SATISFACTION) : null,
      stressBefore: before,
      stressAfter: after,
      comment: answers && faker.datatype.boolean(0.15) ? faker.helpers.arrayElement(COMMENTS[member.preferredLanguage]) : null,
    });
  }
  return surveys;
}
