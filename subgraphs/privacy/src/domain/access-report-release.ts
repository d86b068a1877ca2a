import { randomUUID } from 'node:crypto';
import { badUserInput } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/policy';
import type { Disclosure } from '../entities/disclosure.js';

/** Who an access report goes to: the requester, the member themself (never an organisation). */
export const ACCESS_REPORT_RECIPIENT = 'The member (their access request)';
/** The disclosure's purpose: answering the member's own access request. */
export const ACCESS_REPORT_PURPOSE = 'ACCESS_REQUEST';

/**
 * The disclosure an access report's release leaves on the member's record, so the member sees
 * that their file was produced, by whom, and which kinds of information it held.
 */
export function accessReportDisclosure(request: { id: string; memberId: string }, officer: string, categories: readonly string[], at: Date): Disclosure {
  if (categories.length === 0 || !categories.every(isCategory)) throw badUserInput('categories', 'categories must be one or more data categories');
  return {
    id: randomUUID(),
    memberId: request.memberId,
    recipient: ACCESS_REPORT_RECIPIENT,
    purpose: ACCESS_REPORT_PURPOSE,
    categories: [...new Set(categories)].sort(),
    description: `Access report for request ${request.id}, released by ${officer}`.slice(0, 300),
    disclosedAt: at,
  };
}
