import { memberReferenceType } from '@mutual-graph/platform';

/** The member subgraph's entity, extended here with privacy records; this subgraph stores no profile. */
export const Member = memberReferenceType();
export type Member = InstanceType<typeof Member>;
