import { badUserInput } from '@mutual-graph/platform';
import { addDays, isoDate } from '@mutual-graph/domain-codes';

/** Days the organisation has to answer a privacy request, and the most one extension may add. */
export const RESPONSE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;

/** When a request received on a day is due. */
export const dueOnReceipt = (receivedOn: string): string => addDays(receivedOn, RESPONSE_DAYS);

export interface ExtensionRequest {
  /** The request as it stands. */
  request: { dueOn: string; extensionReason: string | null };
  days: number;
  reason: string;
  memberToldOn: Date;
}

/** One extension per request, of 1 to MAX_EXTENSION_DAYS days, with a reason, told to the member before the original due date. */
export function extension({ request, days, reason, memberToldOn }: ExtensionRequest): { dueOn: string; extensionReason: string; memberToldOfExtensionOn: string } {
  if (request.extensionReason !== null) throw badUserInput('requestId', 'a request may be extended once only');
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) throw badUserInput('days', `an extension is 1 to ${MAX_EXTENSION_DAYS} days`);
  if (reason.trim().length < 5) throw badUserInput('reason', 'give the reason for the extension');
  const told = isoDate(memberToldOn);
  if (told > request.dueOn) throw badUserInput('memberToldOn', 'the member must be told before the original due date');
  return { dueOn: addDays(request.dueOn, days), extensionReason: reason.trim(), memberToldOfExtensionOn: told };
}
