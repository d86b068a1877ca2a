import { badUserInput, requireWrittenText } from '@mutual-graph/platform';
import { InjuryRisk } from '../entities/confidentiality-incident.js';
import { IncidentNotifiee } from '../entities/incident-notification.js';

/** The items of s. 7 of Quebec's Regulation respecting confidentiality incidents an entry can lack. */
export enum IncidentRegisterItem {
  /** (1) the information concerned, or why it cannot be described */
  PERSONAL_INFORMATION = 'PERSONAL_INFORMATION',
  /** (6) the assessment, with the elements it rests on */
  RISK_ASSESSMENT = 'RISK_ASSESSMENT',
  /** (7) with a risk of serious injury: the date the Commission was notified */
  COMMISSION_NOTICE = 'COMMISSION_NOTICE',
  /** (7) with a risk of serious injury: the date the persons concerned were notified */
  PERSONS_CONCERNED_NOTICE = 'PERSONS_CONCERNED_NOTICE',
  /** (7) with a risk of serious injury: whether public notices were given, and why */
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
  /** (8) the measures taken to reduce the risk of injury */
  MEASURES_TAKEN = 'MEASURES_TAKEN',
}

interface Entry {
  informationDescription: string | null;
  informationNotDescribedBecause: string | null;
  injuryRisk: InjuryRisk;
  riskSensitivity: string | null;
  publicNoticeGiven: boolean | null;
  measuresTaken: string | null;
}

/** What an entry still lacks of what s. 7 requires (items 2 to 5 are required when it is recorded). */
export function registerGaps(entry: Entry, notified: readonly IncidentNotifiee[]): IncidentRegisterItem[] {
  const gaps: IncidentRegisterItem[] = [];
  if (entry.informationDescription === null && entry.informationNotDescribedBecause === null) gaps.push(IncidentRegisterItem.PERSONAL_INFORMATION);
  if (entry.injuryRisk === InjuryRisk.NOT_ASSESSED || entry.riskSensitivity === null) gaps.push(IncidentRegisterItem.RISK_ASSESSMENT);
  if (entry.injuryRisk === InjuryRisk.RISK_OF_SERIOUS_INJURY) {
    if (!notified.includes(IncidentNotifiee.COMMISSION_ACCES_INFORMATION)) gaps.push(IncidentRegisterItem.COMMISSION_NOTICE);
    if (!notified.includes(IncidentNotifiee.PERSONS_CONCERNED)) gaps.push(IncidentRegisterItem.PERSONS_CONCERNED_NOTICE);
    if (entry.publicNoticeGiven === null) gaps.push(IncidentRegisterItem.PUBLIC_NOTICE);
  }
  if (entry.measuresTaken === null) gaps.push(IncidentRegisterItem.MEASURES_TAKEN);
  return gaps;
}

/** s. 7(1): a description of the information concerned, or the reasons it cannot be given: one of the two, not both. */
export function informationConcerned(description: string | null | undefined, notDescribedBecause: string | null | undefined) {
  const given = description?.trim() ? requireWrittenText('incident.informationDescription', description, 10, 5000) : null;
  const why = notDescribedBecause?.trim() ? requireWrittenText('incident.informationNotDescribedBecause', notDescribedBecause, 10, 2000) : null;
  if ((given === null) === (why === null)) throw badUserInput('incident.informationDescription', 'describe the personal information concerned, or say why it cannot be described (one of the two)');
  return { informationDescription: given, informationNotDescribedBecause: why };
}

/** s. 7(7): whether public notices were given; when they were, why. */
export function publicNoticeDecision(given: boolean, reason: string | null | undefined) {
  const why = reason?.trim() ? requireWrittenText('reason', reason, 10, 2000) : null;
  if (given && why === null) throw badUserInput('reason', 'say why public notices were given');
  return { publicNoticeGiven: given, publicNoticeReason: why };
}
