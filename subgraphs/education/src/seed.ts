import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches, seedTableWhenEmpty } from '@mutual-graph/platform';
import { syntheticCatalogue, syntheticCompletions, syntheticEvents, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { LearningActivity } from './entities/learning-activity.js';
import { LearningCompletion } from './entities/learning-completion.js';
import { LearningEvent } from './entities/learning-event.js';
import { SupportService } from './entities/support-service.js';
import { WellnessResource } from './entities/wellness-resource.js';

/** Rows of one of the repository's content files, each given an id. */
function contentRows(file: string, key: string): object[] {
  const content = JSON.parse(readFileSync(new URL(`../content/${file}`, import.meta.url), 'utf8')) as Record<string, object[]>;
  return content[key]!.map((row) => ({ id: randomUUID(), ...row }));
}

/** Support services and wellness resources come from the repository's content files, not the generator. */
async function seedSupportContent(em: EntityManager): Promise<Record<string, number>> {
  const seeded: Record<string, number> = {};
  const services = await seedTableWhenEmpty(em, SupportService, () => contentRows('support-services.json', 'services'));
  if (services !== undefined) seeded.support_service = services;
  const resources = await seedTableWhenEmpty(em, WellnessResource, () => contentRows('wellness-resources.json', 'resources'));
  if (resources !== undefined) seeded.wellness_resource = resources;
  return seeded;
}

/** Seeds the support content, and the catalogue and five years of completions when the catalogue is empty. */
export async function seedLearning(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  const content = await seedSupportContent(em);
  if ((await em.count(LearningActivity)) > 0) return content;
  const catalogue = syntheticCatalogue(options);
  return em.transactional(async (tx) => {
    const activities = await insertInBatches(tx, LearningActivity, catalogue.map((a) => ({ ...a, credits: a.credits.toFixed(2), mocSection3Hours: a.mocSection3Hours.toFixed(2) })));
    const completions = await insertInBatches(tx, LearningCompletion, (function* () {
      for (const member of syntheticMembers(options)) {
        for (const { activityId, credits, ...c } of syntheticCompletions(member, catalogue, options)) {
          yield { ...c, activity: activityId, credits: credits.toFixed(2) };
        }
      }
    })());
    const events = await insertInBatches(tx, LearningEvent, syntheticEvents(catalogue, options).map(({ activityId, startsAt, endsAt, ...e }) => ({
      ...e, activity: activityId, startsAt: new Date(startsAt), endsAt: new Date(endsAt),
    })));
    return { ...content, learning_activity: activities, learning_completion: completions, learning_event: events };
  });
}
