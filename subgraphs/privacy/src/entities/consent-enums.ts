import { registerEnumType } from 'type-graphql';

/** What a member may consent to, per the privacy policy. */
export enum ConsentPurpose {
  COMMUNICATIONS = 'COMMUNICATIONS',
  EDI_COLLECTION = 'EDI_COLLECTION',
  SURVEYS = 'SURVEYS',
  /** Disclosure of their information to a third party the member names (a consent per recipient). */
  THIRD_PARTY_DISCLOSURE = 'THIRD_PARTY_DISCLOSURE',
  /** Confirmation of fees billed before the privacy policy announced it (2026.1) to the program of the member's province. */
  FEE_REIMBURSEMENT = 'FEE_REIMBURSEMENT',
}
registerEnumType(ConsentPurpose, { name: 'ConsentPurpose' });

export enum ConsentStatus {
  GRANTED = 'GRANTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

export enum ConsentMethod {
  ONLINE = 'ONLINE',
  PHONE = 'PHONE',
  WRITTEN = 'WRITTEN',
}
registerEnumType(ConsentMethod, { name: 'ConsentMethod', description: 'How the member gave or withdrew consent' });

/** The recipient column's value for consents that name none (a unique key cannot hold NULLs as equal). */
export const NO_RECIPIENT = '';
