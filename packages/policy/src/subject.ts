import type { PurposePolicy } from './matrix.js';
import type { OperationUses } from './operation.js';

/** Argument names that name a member, wherever they appear in a root field's arguments. */
const MEMBER_ID = 'memberId';
const MEMBER_IDS = 'memberIds';

/**
 * The member ids a root field is given: `id` on `member`, and every `memberId` / `memberIds`,
 * also inside input objects and lists (an input can name a member as well as an argument can).
 * Ids left out or null name no one.
 */
export function memberIdsNamed(field: string, args: Record<string, unknown>): string[] {
  const named: unknown[] = field === 'member' ? [args.id] : [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === MEMBER_ID) named.push(inner);
        // One id where a list is expected is a list of one: GraphQL coerces it so when it runs.
        else if (key === MEMBER_IDS) named.push(...(Array.isArray(inner) ? inner : [inner]));
        else walk(inner);
      }
    }
  };
  walk(args);
  return named.filter((id): id is string => typeof id === 'string');
}

/**
 * Under a purpose limited to the caller's own record: the root fields that reach beyond it. A
 * root field must act on the token's member by construction (`ownRootFields`) or be `member(id:)`,
 * and every member id it is given must be the token's own. Without an own member id, any id is foreign.
 */
export function outsideOwnRecord(policy: PurposePolicy, rootArguments: OperationUses['rootArguments'], ownMemberId: string | undefined): string[] {
  return rootArguments
    .filter(({ field, args }) => {
      const named = memberIdsNamed(field, args);
      const ownField = policy.ownRootFields?.includes(field) || (field === 'member' && named.length > 0);
      return !ownField || named.some((id) => ownMemberId === undefined || id !== ownMemberId);
    })
    .map(({ field }) => field);
}
