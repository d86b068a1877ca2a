import { destroyRowsDatedBefore, type DispositionTask } from '@mutual-graph/platform';
import { AdviceCall } from './entities/advice-call.js';
import { MedicoLegalMatter } from './entities/medico-legal-matter.js';

/** The retention schedule's medico-legal rules, for what this subgraph holds. */
export function caseworkDisposition(): DispositionTask[] {
  return [
    destroyRowsDatedBefore('medico-legal-matters', MedicoLegalMatter, 'casework.medico_legal_matter', 'closed_on'),
    destroyRowsDatedBefore('advice-calls', AdviceCall, 'casework.advice_call', 'called_on'),
  ];
}
