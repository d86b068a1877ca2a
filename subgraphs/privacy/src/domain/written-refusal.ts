import { addMonths, isoDate } from '@mutual-graph/domain-codes';
import { badUserInput, requireWrittenText } from '@mutual-graph/platform';

/**
 * PIPEDA s. 11(3): a complaint about a refused access request is filed within six months of the
 * refusal, or of the expiry of the time limit (a deemed refusal); the longest of the recourses that
 * start then (Quebec's Commission d'accès à l'information is asked within 30 days). Information
 * asked for is held at least that long.
 */
export const RECOURSE_MONTHS = 6;

/** The last day the member may still complain of a refusal given (or deemed given) on a day. */
export const recourseDeadline = (refusedOn: string): string => addMonths(refusedOn, RECOURSE_MONTHS);

export interface RefusalLetter {
  reasons: string;
  provision: string;
  recourse: string;
  sentOn: Date;
}

export interface WrittenRefusal {
  /** As the request keeps it. */
  letter: { refusalReasons: string; refusalProvision: string; refusalRecourse: string; refusalSentOn: string };
  /** The last day of the member's recourse: what the information asked for is held to, at least. */
  recourseUntil: string;
}

/**
 * PIPEDA s. 8(7) and Quebec's private-sector act: a refusal is in writing, with its reasons, the
 * provision of law relied on, and the recourse open to the member with its time limit. All three are
 * required texts; the letter is dated between receipt and today.
 */
export function writtenRefusal(request: { receivedOn: string }, letter: RefusalLetter, today: string): WrittenRefusal {
  const reasons = requireWrittenText('refusal.reasons', letter.reasons, 20, 5000);
  const provision = requireWrittenText('refusal.provision', letter.provision, 3, 300);
  const recourse = requireWrittenText('refusal.recourse', letter.recourse, 30, 2000);
  const sentOn = isoDate(letter.sentOn);
  if (sentOn < request.receivedOn || sentOn > today) throw badUserInput('refusal.sentOn', 'the refusal is sent between receipt and today');
  return { letter: { refusalReasons: reasons, refusalProvision: provision, refusalRecourse: recourse, refusalSentOn: sentOn }, recourseUntil: recourseDeadline(sentOn) };
}
