import { registerEnumType } from 'type-graphql';

// The kinds of matter are the graph's shared codes (declared once, registered by the platform).
export { MatterKind } from '@mutual-graph/platform';

export enum MatterStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(MatterStatus, { name: 'MatterStatus' });

export enum MatterOutcome {
  DISMISSED = 'DISMISSED',
  DISCONTINUED = 'DISCONTINUED',
  SETTLED_WITH_COMPENSATION = 'SETTLED_WITH_COMPENSATION',
  JUDGMENT_FOR_PATIENT = 'JUDGMENT_FOR_PATIENT',
  JUDGMENT_FOR_PHYSICIAN = 'JUDGMENT_FOR_PHYSICIAN',
  COLLEGE_NO_ACTION = 'COLLEGE_NO_ACTION',
  COLLEGE_CAUTION = 'COLLEGE_CAUTION',
  COLLEGE_DISCIPLINE = 'COLLEGE_DISCIPLINE',
  RESOLVED = 'RESOLVED',
}
registerEnumType(MatterOutcome, { name: 'MatterOutcome', description: 'How a closed matter ended' });
