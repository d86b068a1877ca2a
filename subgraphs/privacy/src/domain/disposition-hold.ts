import { isoDate } from '@mutual-graph/domain-codes';
import { badUserInput, requireWrittenText } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/policy';

/**
 * What a hold keeps: the data categories the officer names as what the member asked for, and always
 * PRIVACY_RECORD (the request itself, the refusal and the disclosures are the evidence the recourse
 * turns on).
 */
export function heldCategories(argument: string, categories: readonly string[]): string[] {
  if (categories.length === 0 || !categories.every(isCategory)) throw badUserInput(argument, 'name one or more data categories the request asked for');
  return [...new Set([...categories, 'PRIVACY_RECORD'])].sort();
}

interface HoldState {
  heldUntil: string;
  releasedOn: string | null;
}

/** A hold lasts longer when the member complains (the Commissioner's report, then 45 days for the Federal Court, PIPEDA s. 14): a later date, with the reason. */
export function holdExtension(hold: HoldState, until: Date, reason: string, today: string): { heldUntil: string; extensionReason: string } {
  if (hold.releasedOn !== null) throw badUserInput('holdId', 'this hold was released');
  const day = isoDate(until);
  if (day <= hold.heldUntil || day <= today) throw badUserInput('heldUntil', 'a hold is extended to a later day than it runs to, and after today');
  return { heldUntil: day, extensionReason: requireWrittenText('reason', reason, 10, 2000) };
}

/** An officer releases a hold once recourse is exhausted, saying why; once only. */
export function holdRelease(hold: HoldState, reason: string, today: string, officer: string): { releasedOn: string; releasedBy: string; releaseReason: string } {
  if (hold.releasedOn !== null) throw badUserInput('holdId', 'this hold was released already');
  return { releasedOn: today, releasedBy: officer, releaseReason: requireWrittenText('reason', reason, 10, 2000) };
}
