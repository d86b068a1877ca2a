export { caseSubgraph } from './subgraph.js';
export { AdviceCall } from './entities/advice-call.js';
export { MedicoLegalMatter } from './entities/medico-legal-matter.js';
export { ProtectionPeriod } from './entities/protection-period.js';
