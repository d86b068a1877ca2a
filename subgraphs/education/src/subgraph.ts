import { fileURLToPath } from 'node:url';
import { DispositionRun, type SubgraphDefinition } from '@mutual-graph/platform';
import { LearningActivity } from './entities/learning-activity.js';
import { LearningCompletion } from './entities/learning-completion.js';
import { EventRegistration } from './entities/event-registration.js';
import { LearningEvent } from './entities/learning-event.js';
import { EventRegistrationResolver, LearningEventResolver } from './resolvers/event.resolver.js';
import { createLoaders, type EducationLoaders } from './loaders/index.js';
import { LearningCompletionResolver } from './resolvers/learning-completion.resolver.js';
import { CatalogueResolver } from './resolvers/catalogue.resolver.js';
import { SupportContentResolver } from './resolvers/support-content.resolver.js';
import { SupportService } from './entities/support-service.js';
import { WellnessResource } from './entities/wellness-resource.js';
import { EducationPlanItemResolver, EducationPlanResolver } from './resolvers/education-plan.resolver.js';
import { EducationPlan } from './entities/education-plan.js';
import { EducationPlanItem } from './entities/education-plan-item.js';
import { educationReferences } from './resolvers/member.reference.js';
import { MemberLearningResolver } from './resolvers/member.resolver.js';
import { learningDisposition } from './disposition.js';
import { Member } from './types/member.js';
import { ServiceSurvey } from './entities/service-survey.js';
import { MemberSurveysResolver, ServiceSurveyResolver } from './resolvers/service-survey.resolver.js';

/** The education subgraph: the learning catalogue, members' learning records, and service surveys. */
export const educationSubgraph: SubgraphDefinition<EducationLoaders> = {
  name: 'education',
  defaultPort: 4003,
  database: {
    schema: 'education',
    entities: [DispositionRun, LearningActivity, LearningCompletion, LearningEvent, EventRegistration, EducationPlan, EducationPlanItem, SupportService, WellnessResource, ServiceSurvey],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
    // The catalogue, support content and completed learning: shown, never decided on. Events and registrations
    // (seats), plans and surveys (whom to send, answers once) stay on the primary.
    replicaSafe: [LearningActivity, SupportService, WellnessResource, LearningCompletion],
  },
  schema: {
    resolvers: [
      MemberLearningResolver,
      LearningCompletionResolver,
      LearningEventResolver,
      EventRegistrationResolver,
      CatalogueResolver,
      EducationPlanResolver,
      EducationPlanItemResolver,
      SupportContentResolver,
      ServiceSurveyResolver,
      MemberSurveysResolver,
    ],
    // Entities reached only through `_entities` must be named, or type-graphql leaves them out.
    orphanedTypes: [Member, LearningActivity],
    referenceResolvers: educationReferences,
  },
  // Service surveys ask who called an advisor (case), whose survey consent is current (privacy) and where each member practises (member).
  peers: ['case', 'member', 'privacy'],
  createLoaders,
  disposition: learningDisposition,
};
