import { NonPersonal } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EdiDimension } from '../reporting/edi-dimensions.js';

@NonPersonal()
@ObjectType({ description: 'One table a release publishes' })
export class EdiReleaseTable {
  @Field(() => [EdiDimension])
  dimensions!: EdiDimension[];
}

@NonPersonal()
@ObjectType({ description: 'What a release spends of the privacy budget, and the noise that buys' })
export class EdiPrivacyLoss {
  @Field(() => Float, { description: 'Zero-concentrated differential privacy (zCDP) rho this release spends, for a member added or removed' })
  rho!: number;

  @Field(() => Float, { description: 'The same guarantee as (epsilon, delta)-differential privacy with delta = 1e-6 (an upper bound)' })
  epsilon!: number;

  @Field(() => Float, { description: 'Rho for a known respondent whose answer is in question (one answer or another): twice rho' })
  rhoChangedAnswer!: number;

  @Field(() => Float, { description: 'epsilon at delta = 1e-6 for a known respondent whose answer is in question' })
  epsilonChangedAnswer!: number;

  @Field(() => Float, { description: 'Standard deviation of the noise on every cell' })
  noiseStandardDeviation!: number;
}

@NonPersonal()
@ObjectType('EdiRelease', { description: 'A published, fixed set of EDI tables: noisy counts only, never a member identifier' })
export class EdiReleaseInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1, 2, 3… in order of publication' })
  version!: number;

  @Field(() => DateTimeISOResolver, { description: 'When the one snapshot of the EDI store every table was counted from was taken' })
  takenAt!: Date;

  @Field(() => DateTimeISOResolver)
  publishedAt!: Date;

  // The EDI reporting lead's token subject: staff accountability for the release, about no member.
  @Field({ description: "Who published it (the token subject of the EDI reporting lead; `seed` for a seeded store's first release)" })
  publishedBy!: string;

  @Field({ description: 'DISCRETE_GAUSSIAN_ZCDP: every cell of every table gets discrete Gaussian noise; noisy counts under the minimum are suppressed' })
  method!: string;

  @Field(() => Int, { description: 'Noisy counts under this are published as suppressed' })
  minimumCellSize!: number;

  @Field(() => EdiPrivacyLoss)
  privacyLoss!: EdiPrivacyLoss;

  @Field(() => [EdiReleaseTable])
  tables!: EdiReleaseTable[];
}

@NonPersonal()
@ObjectType({ description: 'The EDI privacy budget over the last 365 days' })
export class EdiPrivacyBudget {
  @Field(() => Float, { description: 'The most rho (zCDP) all releases of any 365 days may spend together' })
  budget!: number;

  @Field(() => Float, { description: 'Rho spent by the releases of the last 365 days' })
  spent!: number;

  @Field(() => Float, { description: 'Rho spent by every release ever published: over years the yearly budgets add up' })
  spentInTotal!: number;

  @Field(() => Int, { description: 'Releases that may be published now' })
  releasesPossible!: number;

  @Field(() => DateTimeISOResolver, { description: 'From when the next release fits the budget' })
  nextReleaseFrom!: Date;
}
