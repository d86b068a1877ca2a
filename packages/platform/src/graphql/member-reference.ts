import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Category } from './categories.js';
import { MemberKey } from './policy-bindings.js';

/**
 * `Member` as a subgraph that does not own it sees it: the key alone, for that subgraph to hang
 * its own fields on. One class per subgraph (each builds its schema from its own classes), made
 * here so that all three say the same thing.
 */
export function memberReferenceType() {
  @Directive('@key(fields: "id")')
  @ObjectType('Member')
  class Member {
    @Category('PROFILE')
    @MemberKey()
    @Field(() => ID)
    id!: string;
  }
  return Member;
}
