export { educationSubgraph } from './subgraph.js';
export { LearningActivity } from './entities/learning-activity.js';
export { LearningCompletion } from './entities/learning-completion.js';
export { LearningEvent } from './entities/learning-event.js';
export { SupportService } from './entities/support-service.js';
export { ServiceSurvey } from './entities/service-survey.js';
export { WellnessResource } from './entities/wellness-resource.js';
/** The repository's content files (support services, wellness resources): what setup loads into an empty database. */
export const EDUCATION_CONTENT = new URL('../content/', import.meta.url);
