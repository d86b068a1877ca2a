import { Category, Provenance } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

/**
 * Whether a member's fees billed before the privacy policy announced fee reimbursement may be
 * confirmed to their province's program: what partner confirmation may know of a member's
 * privacy record, subgraph to subgraph only, and nothing more.
 */
@ObjectType({ description: "Whether a member's earlier fees may be confirmed to their province's reimbursement program, from their current consent" })
export class FeeReimbursementPreferences {
  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field({ description: "True while the member's FEE_REIMBURSEMENT consent is granted" })
  consented!: boolean;
}
