import { Category } from '@mutual-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { LearningActivity } from '../entities/learning-activity.js';
import { LearningCompletion } from '../entities/learning-completion.js';

@Resolver(() => LearningCompletion)
export class LearningCompletionResolver {
  @Category('LEARNING')
  @FieldResolver(() => LearningActivity)
  async activity(@Root() completion: LearningCompletion, @Ctx() { loaders }: EducationContext): Promise<LearningActivity> {
    const activity = await loaders.activityById.load(completion.activity.id);
    if (!activity) throw new Error(`learning completion ${completion.id} names a missing activity`);
    return activity;
  }
}
