import { fileURLToPath } from 'node:url';
import { DispositionRun, type SubgraphDefinition } from '@mutual-graph/platform';
import { ediStore } from './edi-store.js';
import { Member } from './entities/member.js';
import { CollegeRegistration } from './entities/college-registration.js';
import { MembershipPeriod } from './entities/membership-period.js';
import { MembershipStatusChange } from './entities/membership-status-change.js';
import { createLoaders, type MemberLoaders } from './loaders/index.js';
import { EdiSummaryResolver } from './resolvers/edi-summary.resolver.js';
import { MembershipLifecycleResolver } from './resolvers/membership-lifecycle.resolver.js';
import { SelfServiceResolver } from './resolvers/self-service.resolver.js';
import { memberReference } from './resolvers/member.reference.js';
import { MemberResolver } from './resolvers/member.resolver.js';
import { MembershipConfirmationResolver } from './resolvers/membership-confirmation.resolver.js';
import { MembershipResolver } from './resolvers/membership.resolver.js';
import { PracticeCopyResolver } from './resolvers/practice-copy.resolver.js';
import { memberDisposition } from './disposition.js';

/** The member subgraph: profile, contact, practice and membership of every physician. */
export const memberSubgraph: SubgraphDefinition<MemberLoaders> = {
  name: 'member',
  defaultPort: 4001,
  isolatedStores: [ediStore],
  database: {
    schema: 'member',
    entities: [DispositionRun, Member, MembershipPeriod, MembershipStatusChange, CollegeRegistration],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  schema: {
    resolvers: [MemberResolver, MembershipResolver, MembershipConfirmationResolver, EdiSummaryResolver, MembershipLifecycleResolver, SelfServiceResolver, PracticeCopyResolver],
    orphanedTypes: [Member],
    referenceResolvers: memberReference,
  },
  // Under the COMMUNICATIONS purpose, whether a member's communications consent is current is the privacy subgraph's to answer.
  peers: ['privacy'],
  createLoaders,
  disposition: memberDisposition,
};
