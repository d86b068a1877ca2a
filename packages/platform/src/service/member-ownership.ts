import type { PolicyBindings } from '@mutual-graph/policy';

/**
 * Which member an object a resolver returns is about: by the field its type marks `@memberKey`
 * (a `Member` by its id); otherwise by its `memberId` (the convention every member-owned entity
 * follows) or its `member` relation. Undefined for objects about no one (catalogue items,
 * statistics) and for values that only hang off a member (a contact, a practice), which are
 * reached through the member itself. The shield's subject scope and the record of which members a
 * request read both ask this.
 */
export function memberOwning(bindings: PolicyBindings, typeName: string, parent: unknown): string | undefined {
  if (parent === null || typeof parent !== 'object') return undefined;
  const object = parent as Record<string, unknown> & { memberId?: unknown; member?: { id?: unknown } | null };
  const key = bindings.memberOwner.get(typeName);
  const id = key !== undefined ? object[key] : (object.memberId ?? object.member?.id);
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}
