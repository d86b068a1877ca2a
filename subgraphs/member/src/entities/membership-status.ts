import { registerEnumType } from 'type-graphql';

/** Where a physician stands with the organisation; history lives in membership periods. */
export enum MembershipStatus {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  LAPSED = 'LAPSED',
  RESIGNED = 'RESIGNED',
  RETIRED = 'RETIRED',
  DECEASED = 'DECEASED',
  /** Only in confirmations: no membership on the date asked, whether or not the person was ever a member. */
  NOT_A_MEMBER = 'NOT_A_MEMBER',
}

/** The statuses a member's record can hold (the column's values); NOT_A_MEMBER is never stored. */
export const STORED_STATUSES = Object.values(MembershipStatus).filter((s) => s !== MembershipStatus.NOT_A_MEMBER);

registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  valuesConfig: { NOT_A_MEMBER: { description: 'Confirmations only: no membership on the date asked, whether or not the person was ever a member' } },
});

/** Fees are set by region. */
export enum FeeRegion {
  QUEBEC = 'QUEBEC',
  ONTARIO = 'ONTARIO',
  REST_OF_CANADA = 'REST_OF_CANADA',
}

registerEnumType(FeeRegion, { name: 'FeeRegion' });
