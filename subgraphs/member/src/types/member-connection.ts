import { Category, NonPersonal, Province } from '@mutual-graph/platform';
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Member } from '../entities/member.js';
import { MembershipStatus } from '../entities/membership-status.js';

@InputType({ description: 'Narrows a list of members; every given field must match' })
export class MemberFilter {
  @Category('PROFESSIONAL')
  @Field(() => Province, { nullable: true, description: 'Members practising in this province or territory' })
  province?: Province;

  @Category('PROFESSIONAL')
  @Field({ nullable: true })
  specialty?: string;

  @Category('PROFESSIONAL')
  @Field({ nullable: true })
  typeOfWork?: string;

  @Category('MEMBERSHIP')
  @Field(() => MembershipStatus, { nullable: true })
  status?: MembershipStatus;
}

@ObjectType()
export class MemberEdge {
  @Category('PROFILE')
  @Field()
  cursor!: string;

  @NonPersonal()
  @Field(() => Member)
  node!: Member;
}

// Shareable: other subgraphs page their own lists with the same PageInfo.
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @NonPersonal()
  @Field()
  hasNextPage!: boolean;

  @Category('PROFILE')
  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of members, ordered by last name then id' })
export class MemberConnection {
  @NonPersonal()
  @Field(() => [MemberEdge])
  edges!: MemberEdge[];

  @NonPersonal()
  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @NonPersonal()
  @Field(() => Int)
  totalCount!: number;
}
