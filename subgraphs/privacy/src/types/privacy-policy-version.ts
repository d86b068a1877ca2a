import { NonPersonal } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

@NonPersonal()
@ObjectType({ description: 'A use of information a privacy policy version introduced, and what it rests on for information collected before it' })
export class PolicyUse {
  @Field({ description: 'The purpose of use' })
  purpose!: string;

  @Field(() => [String], { description: 'The data categories it may now read' })
  categories!: string[];

  @Field(() => String, { nullable: true, description: 'The consent it needs for information collected before this version (ConsentPurpose)' })
  consent!: string | null;

  @Field(() => String, { nullable: true, description: 'The provision of law that permits it without consent' })
  law!: string | null;
}

@NonPersonal()
@ObjectType({ description: 'A version of the privacy policy: when it took effect and what changed' })
export class PrivacyPolicyVersion {
  @Field()
  version!: string;

  @Field({ description: 'The first day this version is in force (YYYY-MM-DD)' })
  effectiveOn!: string;

  @Field({ description: 'True for the version in force today' })
  current!: boolean;

  @Field(() => [String], { description: 'What changed from the version before' })
  changes!: string[];

  @Field(() => [PolicyUse], { description: 'Uses of information this version introduced' })
  newUses!: PolicyUse[];
}
