import type { SyntheticMember, SyntheticOptions } from '@mutual-graph/synthetic';

/**
 * One table's seed rows, as entity properties (the names the entity uses, not column names):
 * either a few rows for each synthetic member, or rows of their own (catalogues, content files).
 */
export interface SeedTable {
  entity: abstract new (...args: never[]) => object;
  perMember?: (member: SyntheticMember) => Iterable<object>;
  rows?: () => Iterable<object>;
}

/**
 * Tables seeded together, all or nothing, when the first of them is empty. A table that arrived
 * after the rest of a subgraph's data is a group of its own, so a database seeded before it gets it too.
 */
export interface SeedGroup {
  tables: SeedTable[];
}

/** What a subgraph (or an isolated store) seeds for a synthetic population. */
export type SeedPlan = (options: SyntheticOptions) => SeedGroup[];

/**
 * `fn`, remembering its last answer: the loader visits each member once for every table, so two
 * tables drawn from the same per-member result (matters and calls) compute it once.
 */
export function perMemberOnce<T>(fn: (member: SyntheticMember) => T): (member: SyntheticMember) => T {
  let last: { member: SyntheticMember; value: T } | undefined;
  return (member) => {
    if (last?.member !== member) last = { member, value: fn(member) };
    return last.value;
  };
}
