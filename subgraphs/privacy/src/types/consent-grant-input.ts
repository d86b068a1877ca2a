import { MemberKey, NonPersonal } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentPurpose } from '../entities/consent-enums.js';

@NonPersonal()
@InputType({ description: 'A consent the gateway records for a member who gave it with their answers' })
export class ConsentGrantInput {
  @MemberKey()
  @Field(() => ID)
  memberId!: string;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  /** When the member gave it: a grant carried late (from an outbox) never overrides a decision made after it. */
  @Field(() => DateTimeISOResolver)
  givenAt!: Date;
}
