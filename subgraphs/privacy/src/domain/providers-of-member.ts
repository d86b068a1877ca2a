import { RETENTION_SCHEDULE, retentionCutoff, type RetentionRule } from '@mutual-graph/policy';

/** A period of receiving, as ServiceProviderTransfer stores it. */
export interface TransferPeriod {
  providerId: string;
  categories: readonly string[];
  memberProvinces: readonly string[];
  since: string;
  until: string | null;
}

export interface ProviderOfMember {
  providerId: string;
  categories: string[];
  /** Null while some period for the member's province stands; otherwise the last day of the latest. */
  stoppedReceivingOn: string | null;
}

const LONGEST = RETENTION_SCHEDULE.reduce((a, b) => (b.keepYears > a.keepYears ? b : a));

/**
 * The retention rule that bounds how long information received in a period may still be held: the
 * longest of its categories' rules. A category with no rule of its own is taken at the schedule's
 * longest: listing a provider too long tells the member too much, never too little.
 */
function longestRuleOf(categories: readonly string[]): RetentionRule {
  const rules = RETENTION_SCHEDULE.filter((r) => categories.includes(r.category));
  const covered = categories.every((c) => rules.some((r) => r.category === c));
  return covered && rules.length > 0 ? rules.reduce((a, b) => (b.keepYears > a.keepYears ? b : a)) : LONGEST;
}

/** Whether information received during `period` may still be with the provider on `asOf`. */
export function mayStillHold(period: TransferPeriod, asOf: string): boolean {
  return period.until === null || period.until >= retentionCutoff(longestRuleOf(period.categories), asOf);
}

/**
 * The providers that may hold the information of a member of `provinces` (of the mailing address
 * and of practice): those receiving some category for one of them now, or that received it within
 * the retention period of what they received. Each with the categories it receives or received.
 */
export function providersOfMember(periods: readonly TransferPeriod[], provinces: readonly string[], asOf: string): ProviderOfMember[] {
  const byProvider = new Map<string, { categories: Set<string>; open: boolean; lastUntil: string }>();
  for (const period of periods) {
    if (!period.memberProvinces.some((p) => provinces.includes(p)) || !mayStillHold(period, asOf)) continue;
    const entry = byProvider.get(period.providerId) ?? { categories: new Set<string>(), open: false, lastUntil: '' };
    period.categories.forEach((c) => entry.categories.add(c));
    if (period.until === null) entry.open = true;
    else if (period.until > entry.lastUntil) entry.lastUntil = period.until;
    byProvider.set(period.providerId, entry);
  }
  return [...byProvider.entries()].map(([providerId, e]) => ({ providerId, categories: [...e.categories].sort(), stoppedReceivingOn: e.open ? null : e.lastUntil }));
}
