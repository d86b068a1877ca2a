import type { GraphQLObjectType } from 'graphql';
import { eachArgumentValue, type ArgumentsOf } from './arguments.js';
import type { PolicyBindings } from './bindings.js';
import type { OperationUses } from './operation.js';

/**
 * The member ids a field is given: every argument and input field marked `@memberKey`
 * (`member(id:)`, every `memberId` / `memberIds`), also inside input objects and lists (an input
 * can name a member as well as an argument can). Ids left out or null name no one.
 */
export function memberIdsNamed(bindings: PolicyBindings, parentType: string, field: ArgumentsOf, args: Record<string, unknown>): string[] {
  const named: unknown[] = [];
  eachArgumentValue(parentType, field, args, (coordinate, value) => {
    // One id where a list is expected is a list of one: GraphQL coerces it so when it runs.
    if (bindings.memberKeys.has(coordinate)) named.push(...(Array.isArray(value) ? (value as unknown[]) : [value]));
  });
  return named.filter((id): id is string => typeof id === 'string');
}

/** The member ids an operation's root fields are given, root field by root field (`memberIdsNamed`). */
export function memberIdsOfRoots(bindings: PolicyBindings, rootType: GraphQLObjectType, rootArguments: OperationUses['rootArguments']): { field: string; named: string[] }[] {
  return rootArguments.map(({ field, args }) => {
    const definition = rootType.getFields()[field];
    return { field, named: definition ? memberIdsNamed(bindings, rootType.name, definition, args) : [] };
  });
}

/**
 * Under a purpose limited to the caller's own record (`ownRecordOnly`): the root fields that reach
 * beyond it. A root field must act on the token's member by construction (`@actsOnCaller`) or act
 * on the member it names (`@actsOnNamedMember`: `member(id:)`) and name one, and every member id it
 * is given must be the token's own. Without an own member id, any id is foreign. A field the root
 * type does not have acts on no one's behalf: it reaches beyond.
 */
export function outsideOwnRecord(bindings: PolicyBindings, rootType: GraphQLObjectType, rootArguments: OperationUses['rootArguments'], ownMemberId: string | undefined): string[] {
  return memberIdsOfRoots(bindings, rootType, rootArguments)
    .filter(({ field, named }) => {
      const coordinate = `${rootType.name}.${field}`;
      const ownField = bindings.actsOnCaller.has(coordinate) || (bindings.actsOnNamedMember.has(coordinate) && named.length > 0);
      return !ownField || named.some((id) => ownMemberId === undefined || id !== ownMemberId);
    })
    .map(({ field }) => field);
}
