import { categoryOf, type PolicyBindings } from '@mutual-graph/policy';
import type { IMiddlewareFunction } from 'graphql-middleware';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from './graphql-shield.js';
import { memberOwning } from './member-ownership.js';
import { ownPolicy } from './own-policy.js';

/** Where a subgraph's response tells the gateway which members it read (gateway-notices.ts adds it). */
export const MEMBERS_READ_EXTENSION = 'membersRead';

/** What the record needs of a request's context: one Set per request, so a member read twice costs nothing more. */
interface ReadingContext {
  membersRead: Set<string>;
}

function recordOwner(bindings: PolicyBindings, typeName: string): IMiddlewareFunction<unknown, ReadingContext> {
  return (resolve, parent, args, context, info) => {
    const memberId = memberOwning(bindings, typeName, parent);
    if (memberId) context.membersRead.add(memberId);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- the field's own value, passed on as graphql-middleware types it (any)
    return resolve(parent, args, context, info);
  };
}

/**
 * Wraps every personal (`@dataCategory`) field, and only those, so that resolving one adds the
 * member its parent is about to the request's `membersRead`: lists and `_entities` included, which
 * the operation's arguments never name. Apply it before the shield, so the shield wraps it and a
 * field the shield refuses is never recorded as read.
 */
export function recordMembersRead(schema: GraphQLSchema): GraphQLSchema {
  const middleware: Record<string, Record<string, IMiddlewareFunction<unknown, ReadingContext>>> = {};
  const { bindings } = ownPolicy(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const record = recordOwner(bindings, type.name);
    for (const field of Object.values(type.getFields())) {
      if (!categoryOf(field.astNode?.directives)) continue;
      (middleware[type.name] ??= {})[field.name] = record;
    }
  }
  return applyMiddleware(schema, middleware as never);
}
