import { isUuid } from '@mutual-graph/platform';
import type { EducationContext } from '../context.js';

export const educationReferences = {
  // Learning hangs off any member id: the member subgraph answers whether the member exists. The
  // representation is kept whole: it carries the fields supportSuggestions @requires. Only a member
  // id: anything else a representation carries (a list, an object) names no one.
  Member: (representation: { id: unknown }) => (isUuid(representation.id) ? { ...representation, id: representation.id.toLowerCase() } : null),
  LearningActivity: (representation: { id: string }, { loaders }: EducationContext) => (isUuid(representation.id) ? loaders.activityById.load(representation.id.toLowerCase()) : null),
};
