import { badUserInput, requireWrittenText } from '@mutual-graph/platform';
import { addDays, isoDate } from '@mutual-graph/domain-codes';

/** Days the organisation has to answer a privacy request, and the most one extension may add. */
export const RESPONSE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;

/** When a request received on a day is due. */
export const dueOnReceipt = (receivedOn: string): string => addDays(receivedOn, RESPONSE_DAYS);

/**
 * PIPEDA s. 8(5): a request not answered within its time limit (as extended) is deemed refused, on
 * the day after the limit. Computed, never recorded, so no job has to remember it: an open request
 * past its limit is deemed refused from that day, and one answered late keeps the date, so the record
 * shows the answer was late and when the member's recourse began.
 */
export function deemedRefusedOn(request: { dueOn: string; closedOn: string | null }, asOf: string): string | null {
  const answeredBy = request.closedOn ?? asOf;
  return answeredBy > request.dueOn ? addDays(request.dueOn, 1) : null;
}

/** PIPEDA s. 8(3): why an organisation may extend the time limit. */
export enum ExtensionGround {
  /** s. 8(3)(a)(i): meeting the limit would unreasonably interfere with the organisation's activities. */
  INTERFERENCE_WITH_ACTIVITIES = 'INTERFERENCE_WITH_ACTIVITIES',
  /** s. 8(3)(a)(ii): consultations needed to respond make the limit impracticable. */
  CONSULTATIONS_NEEDED = 'CONSULTATIONS_NEEDED',
  /** s. 8(3)(b): converting the information into an alternative format. */
  CONVERSION_TO_ALTERNATIVE_FORMAT = 'CONVERSION_TO_ALTERNATIVE_FORMAT',
}

export interface ExtensionNoticeRequest {
  /** The request as it stands. */
  request: { receivedOn: string; dueOn: string; extended: boolean };
  givenOn: Date;
  days: number;
  ground: ExtensionGround;
  reason: string;
  /** The words the notice used to tell the member of their right to complain to the Commissioner. */
  recourse: string;
  /** The day the notice is recorded. */
  today: string;
}

export interface ExtensionNoticeTerms {
  givenOn: string;
  originalDueOn: string;
  newDueOn: string;
  ground: ExtensionGround;
  reason: string;
  recourse: string;
}

/**
 * PIPEDA s. 8(3): one extension per request, of 1 to MAX_EXTENSION_DAYS days (the office applies the
 * 30-day bound to the conversion ground too), on a ground with the reason in words, by a notice given
 * within the original 30 days that states the new limit and the member's right to complain to the
 * Commissioner. Nothing is accepted after the original limit: not a notice dated after it, and not
 * one recorded after it (a notice recorded late cannot be told from one backdated).
 */
export function extensionNotice({ request, givenOn, days, ground, reason, recourse, today }: ExtensionNoticeRequest): ExtensionNoticeTerms {
  if (request.extended) throw badUserInput('requestId', 'a request may be extended once only');
  const originalDueOn = dueOnReceipt(request.receivedOn);
  if (today > originalDueOn) throw badUserInput('requestId', `the original time limit (${originalDueOn}) has passed: an extension cannot be given now`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) throw badUserInput('notice.days', `an extension is 1 to ${MAX_EXTENSION_DAYS} days`);
  const given = isoDate(givenOn);
  if (given < request.receivedOn || given > today) throw badUserInput('notice.givenOn', 'the notice is given between receipt and today');
  if (given > originalDueOn) throw badUserInput('notice.givenOn', 'the notice must be given within the original 30 days');
  const text = requireWrittenText('notice.reason', reason, 10, 2000);
  const told = requireWrittenText('notice.recourse', recourse, 30, 2000);
  if (!/commissioner|commissaire|commission/i.test(told)) throw badUserInput('notice.recourse', 'the notice must tell the member of their right to complain to the Commissioner');
  return { givenOn: given, originalDueOn, newDueOn: addDays(originalDueOn, days), ground, reason: text, recourse: told };
}
