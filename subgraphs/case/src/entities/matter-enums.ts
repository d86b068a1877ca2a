import { registerEnumType } from 'type-graphql';

export enum MatterKind {
  CIVIL_ACTION = 'CIVIL_ACTION',
  COLLEGE_COMPLAINT = 'COLLEGE_COMPLAINT',
  HOSPITAL_COMPLAINT = 'HOSPITAL_COMPLAINT',
  HOSPITAL_PRIVILEGES = 'HOSPITAL_PRIVILEGES',
  OTHER = 'OTHER',
}
registerEnumType(MatterKind, { name: 'MatterKind', description: 'What kind of medico-legal matter' });

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
