export { memberSubgraph } from './subgraph.js';
export { ediReleasePolicy } from './reporting/release-policy.js';
export { Member } from './entities/member.js';
export { MembershipPeriod } from './entities/membership-period.js';
export { ediStore } from './edi-store.js';
export { EdiProfile } from './entities/edi-profile.js';
export { MemberPracticeCopy } from './entities/member-practice-copy.js';
