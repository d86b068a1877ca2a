import { isUuid } from '@mutual-graph/platform';
import type { CaseContext } from '../context.js';

export const caseReferences = {
  // Casework hangs off any member id: the member subgraph answers whether the member exists. Only
  // a member id: anything else a representation carries (a list, an object) names no one.
  Member: (representation: { id: unknown }) => (isUuid(representation.id) ? { id: representation.id.toLowerCase() } : null),
  // A day of calls is a day, nothing else: a real calendar date or no one.
  AdviceCallDay: (representation: Record<string, unknown>) =>
    typeof representation.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(representation.on) && !Number.isNaN(Date.parse(representation.on)) ? { on: representation.on } : null,
  MedicoLegalMatter: (representation: { id: string }, { loaders }: CaseContext) => (isUuid(representation.id) ? loaders.matterById.load(representation.id.toLowerCase()) : null),
};
