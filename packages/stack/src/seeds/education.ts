import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SeedPlan } from '../seeding/seed-plan.js';
import { syntheticCatalogue, syntheticCompletions, syntheticEvents, syntheticSurveys } from '@mutual-graph/synthetic';
import { EDUCATION_CONTENT, LearningActivity, LearningCompletion, LearningEvent, ServiceSurvey, SupportService, WellnessResource } from '@mutual-graph/education-subgraph';

/** Rows of one of the repository's content files, each given an id. */
function contentRows(file: string, key: string): object[] {
  const content = JSON.parse(readFileSync(new URL(file, EDUCATION_CONTENT), 'utf8')) as Record<string, object[]>;
  return content[key].map((row) => ({ id: randomUUID(), ...row }));
}

/**
 * Support services and wellness resources from the repository's content files (each a group of
 * its own: they came later); the generator's catalogue with five years of completions and events;
 * two years of service surveys (a group of its own too).
 */
export const educationSeed: SeedPlan = (options) => {
  const catalogue = syntheticCatalogue(options);
  return [
    { tables: [{ entity: SupportService, rows: () => contentRows('support-services.json', 'services') }] },
    { tables: [{ entity: WellnessResource, rows: () => contentRows('wellness-resources.json', 'resources') }] },
    {
      tables: [
        { entity: LearningActivity, rows: () => catalogue.map((a) => ({ ...a, credits: a.credits.toFixed(2), mocSection3Hours: a.mocSection3Hours.toFixed(2) })) },
        {
          entity: LearningCompletion,
          perMember: (member) => syntheticCompletions(member, catalogue, options).map(({ activityId, credits, ...c }) => ({ ...c, activity: activityId, credits: credits.toFixed(2) })),
        },
        {
          entity: LearningEvent,
          rows: () =>
            syntheticEvents(catalogue, options).map(({ activityId, startsAt, endsAt, ...e }) => ({
              ...e,
              activity: activityId,
              startsAt: new Date(startsAt),
              endsAt: new Date(endsAt),
            })),
        },
      ],
    },
    {
      tables: [
        {
          entity: ServiceSurvey,
          perMember: (member) =>
            syntheticSurveys(member, catalogue, options).map(({ sentAt, answerableUntil, answeredAt, ...survey }) => ({
              ...survey,
              sentAt: new Date(sentAt),
              answerableUntil: new Date(answerableUntil),
              answeredAt: answeredAt === null ? null : new Date(answeredAt),
            })),
        },
      ],
    },
  ];
};
