import { isUuid } from '@mutual-graph/platform';
import type { MemberContext } from '../context.js';

/** `_entities` representations of Member resolve through the same batched loader as `member(id)`. */
export const memberReference = {
  Member: (representation: { id: string }, { loaders }: MemberContext) => (isUuid(representation.id) ? loaders.memberById.load(representation.id.toLowerCase()) : null),
};
