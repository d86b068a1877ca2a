import { fileURLToPath } from 'node:url';
import { DispositionRun, type SubgraphDefinition } from '@mutual-graph/platform';
import { AdviceCall } from './entities/advice-call.js';
import { AssistanceRequest } from './entities/assistance-request.js';
import { ProtectionPeriod } from './entities/protection-period.js';
import { EnrolmentNote } from './entities/enrolment-note.js';
import { IdentificationObservation } from './entities/identification-observation.js';
import { IdentificationSnapshot } from './entities/identification-snapshot.js';
import { IdentificationExplanationResolver } from './resolvers/identification-explanation.resolver.js';
import { SupportProgramEnrolment } from './entities/support-program-enrolment.js';
import { EnrolmentResolver } from './resolvers/enrolment.resolver.js';
import { SupportProgramReviewResolver } from './resolvers/support-program-review.resolver.js';
import { SupportProgramResolver } from './resolvers/support-program.resolver.js';
import { AssistanceResolver } from './resolvers/assistance.resolver.js';
import { MatterStatisticsResolver } from './resolvers/matter-statistics.resolver.js';
import { MedicoLegalMatter } from './entities/medico-legal-matter.js';
import { createLoaders, type CaseLoaders } from './loaders/index.js';
import { MedicoLegalMatterResolver } from './resolvers/medico-legal-matter.resolver.js';
import { caseReferences } from './resolvers/member.reference.js';
import { MemberCaseworkResolver } from './resolvers/member.resolver.js';
import { caseworkDisposition } from './disposition.js';
import { Member } from './types/member.js';
import { AdviceCallDay } from './types/advice-call-day.js';
import { AdviceCallDayResolver } from './resolvers/advice-call-day.resolver.js';

/** The case subgraph: medico-legal matters and advice calls. */
export const caseSubgraph: SubgraphDefinition<CaseLoaders> = {
  name: 'case',
  defaultPort: 4002,
  database: {
    schema: 'casework',
    entities: [DispositionRun, MedicoLegalMatter, AdviceCall, AssistanceRequest, ProtectionPeriod, SupportProgramEnrolment, EnrolmentNote, IdentificationSnapshot, IdentificationObservation],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
    // Matters and advice calls as a client's query lists them (whom to survey is a peer's call: primary). Enrolments
    // (one open at a time), protection periods, assistance requests and identification records stay on the primary.
    replicaSafe: [MedicoLegalMatter, AdviceCall],
  },
  schema: {
    resolvers: [
      MemberCaseworkResolver,
      MedicoLegalMatterResolver,
      AssistanceResolver,
      MatterStatisticsResolver,
      SupportProgramResolver,
      EnrolmentResolver,
      SupportProgramReviewResolver,
      IdentificationExplanationResolver,
      AdviceCallDayResolver,
    ],
    // Entities reached only through `_entities` must be named, or type-graphql leaves them out.
    orphanedTypes: [Member, MedicoLegalMatter, AdviceCallDay],
    referenceResolvers: caseReferences,
  },
  // Eligibility on a date of care is the member subgraph's to answer.
  peers: ['member'],
  createLoaders,
  disposition: caseworkDisposition,
};
