import type { EntityManager } from '@mikro-orm/postgresql';
import { insertInBatches } from '@mutual-graph/platform';
import { syntheticCatalogue, syntheticCompletions, syntheticEvents, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { LearningActivity } from './entities/learning-activity.js';
import { LearningCompletion } from './entities/learning-completion.js';
import { LearningEvent } from './entities/learning-event.js';

/** Seeds the catalogue and five years of completions, all or nothing, when the catalogue is empty. */
export async function seedLearning(em: EntityManager, options: SyntheticOptions): Promise<Record<string, number>> {
  if ((await em.count(LearningActivity)) > 0) return {};
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
    return { learning_activity: activities, learning_completion: completions, learning_event: events };
  });
}
