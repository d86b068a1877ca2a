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
import { BillingRunRecord } from './entities/billing-run.js';
import { FeePayment } from './entities/fee-payment.js';
import { FeeRefund } from './entities/fee-refund.js';
import { FeeReimbursementProgram } from './entities/fee-reimbursement-program.js';
import { FeeScheduleEntry } from './entities/fee-schedule-entry.js';
import { MembershipFee } from './entities/membership-fee.js';
import { FeeReimbursementResolver } from './resolvers/fee-reimbursement.resolver.js';
import { FeesResolver } from './resolvers/fees.resolver.js';
import { MemberFeesResolver, MembershipFeeResolver } from './resolvers/membership-fee.resolver.js';
import { ReimbursementProgramResolver } from './resolvers/reimbursement-program.resolver.js';

/** The member subgraph: profile, contact, practice and membership of every physician. */
export const memberSubgraph: SubgraphDefinition<MemberLoaders> = {
  name: 'member',
  defaultPort: 4001,
  isolatedStores: [ediStore],
  database: {
    schema: 'member',
    entities: [
      DispositionRun,
      Member,
      MembershipPeriod,
      MembershipStatusChange,
      CollegeRegistration,
      FeeScheduleEntry,
      MembershipFee,
      FeePayment,
      FeeRefund,
      BillingRunRecord,
      FeeReimbursementProgram,
    ],
    migrationsPath: fileURLToPath(new URL('./migrations', import.meta.url)),
    // Status history and college registrations: shown, never decided on. Members and their periods (eligibility,
    // consent-gated lists), fees, payments, refunds, billing runs and programs (fee locks, confirmations) stay on the primary.
    replicaSafe: [MembershipStatusChange, CollegeRegistration],
  },
  schema: {
    resolvers: [
      MemberResolver,
      MembershipResolver,
      MembershipConfirmationResolver,
      EdiSummaryResolver,
      MembershipLifecycleResolver,
      SelfServiceResolver,
      PracticeCopyResolver,
      FeesResolver,
      MemberFeesResolver,
      MembershipFeeResolver,
      FeeReimbursementResolver,
      ReimbursementProgramResolver,
    ],
    orphanedTypes: [Member],
    referenceResolvers: memberReference,
  },
  // Under the COMMUNICATIONS purpose, whether a member's communications consent is current is the privacy subgraph's to answer.
  peers: ['privacy'],
  createLoaders,
  disposition: memberDisposition,
};
