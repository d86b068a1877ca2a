import { destroyRowsDatedBefore, type DispositionTask } from '@mutual-graph/platform';
import { AdviceCall } from './entities/advice-call.js';
import { MedicoLegalMatter } from './entities/medico-legal-matter.js';
import { SupportProgramEnrolment } from './entities/support-program-enrolment.js';

/** The retention schedule's medico-legal rules, for what this subgraph holds. */
export function caseworkDisposition(): DispositionTask[] {
  return [
    destroyRowsDatedBefore('medico-legal-matters', MedicoLegalMatter, 'casework.medico_legal_matter', 'closed_on'),
    destroyRowsDatedBefore('advice-calls', AdviceCall, 'casework.advice_call', 'called_on'),
    // An open enrolment has no closing day and is never due. Its notes, identification record and the
    // member's observations go with it (their foreign keys cascade).
    destroyRowsDatedBefore('support-program-enrolments', SupportProgramEnrolment, 'casework.support_program_enrolment', 'closed_on'),
  ];
}
