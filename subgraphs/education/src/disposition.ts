import { destroyRowsDatedBefore, type DispositionTask } from '@mutual-graph/platform';
import { LearningCompletion } from './entities/learning-completion.js';

/** The retention schedule's learning rule, for what this subgraph holds. */
export function learningDisposition(): DispositionTask[] {
  return [destroyRowsDatedBefore('learning-completions', LearningCompletion, 'education.learning_completion', 'completed_on')];
}
