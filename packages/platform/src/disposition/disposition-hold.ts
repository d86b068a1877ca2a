/**
 * A hold from disposition: what a member asked for in a privacy request that was refused (or
 * deemed refused), kept whatever the retention schedule says until the member's recourse is
 * exhausted. The privacy subgraph keeps the holds; every subgraph's disposition job is handed them
 * before it starts, and skips each row that is about a held member in a held category.
 */
export interface DispositionHold {
  holdId: string;
  /** The refused or deemed-refused request the hold keeps the information of. */
  requestId: string;
  memberId: string;
  /** Data categories held. */
  categories: readonly string[];
  /** Why, in words, for the dry run's report (e.g. "request refused on 2026-11-02; recourse until 2027-05-02"). */
  why: string;
}

/** A row a disposition run left in place because a hold covers it. */
export interface HeldRecord {
  id: string;
  memberId: string;
  holdId: string;
  requestId: string;
  why: string;
}

/** The hold, if any, that covers a row about these members in this category (the first one found). */
export function holdCovering(holds: readonly DispositionHold[], category: string | readonly string[], memberIds: readonly string[]): DispositionHold | undefined {
  const categories = typeof category === 'string' ? [category] : category;
  return holds.find((h) => h.categories.some((c) => categories.includes(c)) && memberIds.includes(h.memberId));
}
