export { caseSubgraph } from './subgraph.js';
export { AdviceCall } from './entities/advice-call.js';
export { MedicoLegalMatter } from './entities/medico-legal-matter.js';
export { ProtectionPeriod } from './entities/protection-period.js';
export { EnrolmentSource, SupportProgramEnrolment } from './entities/support-program-enrolment.js';
export { identificationOptions } from './domain/identification-options.js';
export { identificationFigures } from './domain/identification-record.js';
export { identifyCandidates } from './domain/support-program-identification.js';
export { openEnrolment } from './resolvers/enrolment.resolver.js';
