import { isUuid } from '@mutual-graph/platform';
import type { CaseContext } from '../context.js';

export const caseReferences = {
  // Casework hangs off any member id: the member subgraph answers whether the member exists.
  Member: (representation: { id: string }) => ({ id: representation.id }),
  MedicoLegalMatter: (representation: { id: string }, { loaders }: CaseContext) =>
    isUuid(representation.id) ? loaders.matterById.load(representation.id.toLowerCase()) : null,
};
