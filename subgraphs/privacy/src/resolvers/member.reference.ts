import { isUuid } from '@mutual-graph/platform';

export const privacyReferences = {
  // Privacy records hang off any member id: the member subgraph answers whether the member exists.
  // Only a member id: anything else a representation carries (a list, an object) names no one.
  Member: (representation: { id: unknown }) => (isUuid(representation.id) ? { id: representation.id.toLowerCase() } : null),
};
