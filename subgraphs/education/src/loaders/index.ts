import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '@mutual-graph/platform';
import { LearningActivity } from '../entities/learning-activity.js';
import { LearningCompletion } from '../entities/learning-completion.js';

/** The education subgraph's per-request loaders. */
export function createLoaders(em: EntityManager) {
  return {
    activityById: loaderOfOne((ids) => em.find(LearningActivity, { id: { $in: [...ids] } }), (activity) => activity.id),
    completionsByMember: loaderOfMany(
      (memberIds) => em.find(LearningCompletion, { memberId: { $in: [...memberIds] } }, { orderBy: { completedOn: 'desc', id: 'asc' } }),
      (completion) => completion.memberId,
    ),
  };
}

export type EducationLoaders = ReturnType<typeof createLoaders>;
