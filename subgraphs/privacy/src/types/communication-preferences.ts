import { Category, Provenance } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Member } from './member.js';

/**
 * Whether the organisation may write to a member, as their communications consent now stands:
 * what the COMMUNICATIONS purpose may know of a member's privacy record, and nothing more.
 */
@ObjectType({ description: 'Whether a member may be sent communications, from their current consent' })
export class CommunicationPreferences {
  @Category('COMMUNICATIONS')
  @Provenance('MEMBER')
  @Field({ description: "True while the member's communications consent is granted" })
  consented!: boolean;

  @Category('COMMUNICATIONS')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Since when, when consented' })
  consentedSince!: Date | null;
}

@ObjectType({ description: 'Members whose communications consent is current, a page at a time, ordered by id' })
export class CommunicationsAudience {
  @Category('COMMUNICATIONS')
  @Field(() => [Member])
  members!: Member[];

  @Category('COMMUNICATIONS')
  @Field()
  hasNextPage!: boolean;

  @Category('PROFILE')
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;

  @Category('COMMUNICATIONS')
  @Field(() => Int)
  totalCount!: number;
}
