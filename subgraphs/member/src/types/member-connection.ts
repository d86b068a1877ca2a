import { Province } from '@mutual-graph/platform';
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Member } from '../entities/member.js';
import { MembershipStatus } from '../entities/membership-status.js';

@InputType({ description: 'Narrows a list of members; every given field must match' })
export class MemberFilter {
  @Field(() => Province, { nullable: true })
  province?: Province;

  @Field({ nullable: true })
  specialty?: string;

  @Field({ nullable: true })
  typeOfWork?: string;

  @Field(() => MembershipStatus, { nullable: true })
  status?: MembershipStatus;
}

@ObjectType()
export class MemberEdge {
  @Field()
  cursor!: string;

  @Field(() => Member)
  node!: Member;
}

// Shareable: other subgraphs page their own lists with the same PageInfo.
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of members, ordered by last name then id' })
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges!: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
