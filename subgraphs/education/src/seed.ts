import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches } from '@mutual-graph/platform';
import { syntheticCatalogue, syntheticCompletions, syntheticEvents, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { LearningActivity } from './entities/learning-activity.js';
import { LearningCompletion } from './entities/learning-completion.js';
import { LearningEvent } from './entities/learning-event.js';
import { SupportService } from './entities/support-service.js';
import { WellnessResource } from './entities/wellness-resource.js';

/** Seeds the catalogue and five years of completions, all or nothing, when the catalogue is empty. */
/** Support services and wellness resources come from the repository's content files, not the generator. */
async function seedSupportContent(em: EntityManager): Promise<Record<string, number>> {
  const seeded: Record<string, number> = {};
  if ((await em.count(SupportService)) === 0) {
    const { services } = JSON.parse(readFileSync(new URL('../content/support-services.json', import.meta.url), 'utf8')) as { services: object[] };
    seeded.support_service = await insertInBatches(em, SupportService, services.map((s) => ({ id: randomUUID(), ...s })));
  }
  if ((await em.count(WellnessResource)) === 0) {
    const { resources } = JSON.parse(readFileSync(new URL('../content/wellness-resources.json', import.meta.url), 'utf8')) as { resources: object[] };
    seeded.wellness_resource = await insertInBatches(em, WellnessResource, resources.map((r) => ({ id: randomUUID(), ...r })));
  }
  return seeded;
}

export async function seedLearning(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  const content = await em.transactional((tx) => seedSupportContent(tx));
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
