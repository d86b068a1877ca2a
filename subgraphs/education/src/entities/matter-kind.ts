import { registerEnumType } from 'type-graphql';

/** The case subgraph's kinds of matter, as this subgraph receives them for support suggestions. */
export enum MatterKind {
  CIVIL_ACTION = 'CIVIL_ACTION',
  COLLEGE_COMPLAINT = 'COLLEGE_COMPLAINT',
  HOSPITAL_COMPLAINT = 'HOSPITAL_COMPLAINT',
  HOSPITAL_PRIVILEGES = 'HOSPITAL_PRIVILEGES',
  OTHER = 'OTHER',
}
registerEnumType(MatterKind, { name: 'MatterKind', description: 'What kind of medico-legal matter' });
