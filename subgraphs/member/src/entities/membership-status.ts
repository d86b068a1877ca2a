import { registerEnumType } from 'type-graphql';

/** Where a physician stands with the organisation; history lives in membership periods. */
export enum MembershipStatus {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  LAPSED = 'LAPSED',
  RESIGNED = 'RESIGNED',
  RETIRED = 'RETIRED',
  DECEASED = 'DECEASED',
}

registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

/** Fees are set by region. */
export enum FeeRegion {
  QUEBEC = 'QUEBEC',
  ONTARIO = 'ONTARIO',
  REST_OF_CANADA = 'REST_OF_CANADA',
}

registerEnumType(FeeRegion, { name: 'FeeRegion' });
