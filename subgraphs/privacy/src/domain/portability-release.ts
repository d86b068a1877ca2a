import type { Disclosure } from '../entities/disclosure.js';
import { accessReportDisclosure } from './access-report-release.js';

/**
 * The disclosure a portability export's release leaves on the member's record: to the same
 * recipient (the member) and for the same purpose (their access request) as the readable report,
 * told apart by its description, so the member sees which of the two was produced and by whom.
 */
export function portabilityDisclosure(request: { id: string; memberId: string }, officer: string, categories: readonly string[], at: Date): Disclosure {
  return { ...accessReportDisclosure(request, officer, categories, at), description: `Portability export (JSON) for request ${request.id}, released by ${officer}`.slice(0, 300) };
}
