import { registerEnumType } from 'type-graphql';

export enum AdviceTopic {
  CONSENT = 'CONSENT',
  DOCUMENTATION = 'DOCUMENTATION',
  CONFIDENTIALITY = 'CONFIDENTIALITY',
  COLLEGE_COMPLAINT = 'COLLEGE_COMPLAINT',
  LEGAL_ACTION = 'LEGAL_ACTION',
  HOSPITAL_ISSUE = 'HOSPITAL_ISSUE',
  BILLING = 'BILLING',
  PRACTICE_MANAGEMENT = 'PRACTICE_MANAGEMENT',
  THREATS_AND_HARASSMENT = 'THREATS_AND_HARASSMENT',
  OTHER = 'OTHER',
}
registerEnumType(AdviceTopic, { name: 'AdviceTopic', description: 'What a member called for advice about' });
