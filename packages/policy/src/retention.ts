import type { DataCategory } from './vocabulary.js';

/** What starts a retention period running. */
export type RetentionTrigger =
  | 'MEMBERSHIP_ENDED' // the last day of the member's last period of membership
  | 'MATTER_CLOSED'
  | 'ENROLMENT_CLOSED' // the day a Member Support Program enrolment was closed
  | 'ADVICE_CALL'
  | 'COMPLETION'
  | 'PLAN_CLOSED' // the day a Member Support Program education plan was completed or closed (its closedOn)
  | 'REQUEST_CLOSED'
  | 'DISCLOSURE'
  | 'SURVEYED_SERVICE' // the day of the service a survey asks about
  | 'FEE_YEAR_ENDED' // the last day of the year an invoice bills
  | 'INCIDENT_DISCOVERED'; // the day the office became aware of a confidentiality incident (its discoveredOn)

export interface RetentionRule {
  /** Stable name: the disposition task that carries it out and its run records use it. */
  name: string;
  category: DataCategory;
  /** Other categories the rule's disposition changes (anonymising an identity clears identifiers and contact too): a hold on any of them keeps the row. */
  alsoTouches?: readonly DataCategory[];
  /** What the rule covers, in words. */
  what: string;
  keepYears: number;
  after: RetentionTrigger;
  /** ANONYMISE keeps the row, no longer about anyone; DESTROY deletes it. */
  disposition: 'ANONYMISE' | 'DESTROY';
  /** Why this long, and no longer. */
  reason: string;
}

/**
 * The retention schedule: how long each kind of personal information is kept, from when, and what
 * becomes of it then. One place, read by every subgraph's disposition job and by POLICY.md.
 * Categories with no rule here hold nothing that outlives its record (COMMUNICATIONS is read from
 * consents). The register of service providers and their privacy impact assessments (PRIVACY_RECORD,
 * about organisations, not members) has no rule: an entry outlives the information it let go out, so
 * that access reports still name the provider for the longest rule of what it received.
 */
export const RETENTION_SCHEDULE: readonly RetentionRule[] = [
  {
    name: 'member-contact',
    category: 'CONTACT',
    what: "A former member's e-mail, telephone, city and mailing province",
    keepYears: 2,
    after: 'MEMBERSHIP_ENDED',
    disposition: 'DESTROY',
    reason: 'Kept to reach a former member about their membership ending and any late notice; no purpose after that.',
  },
  {
    name: 'member-edi',
    category: 'EDI',
    what: "A former member's EDI answers",
    keepYears: 1,
    after: 'MEMBERSHIP_ENDED',
    disposition: 'DESTROY',
    reason: 'EDI is reported in aggregate over current members and one year of leavers; a withdrawal erases it at once.',
  },
  {
    name: 'member-identity',
    category: 'PROFILE',
    // It clears the MINC, membership number and College registrations, and whatever contact is left.
    alsoTouches: ['PROFESSIONAL', 'CONTACT'],
    what: "A former member's name, date of birth, MINC, membership number and College registrations",
    keepYears: 25,
    after: 'MEMBERSHIP_ENDED',
    disposition: 'ANONYMISE',
    reason:
      "Protection is occurrence-based: claims about care given while a member can arrive long after; 25 years outlasts the longest limitation periods (minors' claims) the organisation meets. Periods, practice and status stay, about no one, for statistics.",
  },
  {
    name: 'medico-legal-matters',
    category: 'MEDICO_LEGAL',
    what: 'Closed medico-legal matters',
    keepYears: 25,
    after: 'MATTER_CLOSED',
    disposition: 'DESTROY',
    reason: 'A closed matter can be reopened or cited in a later one until limitation periods are long past; risk analyses look back 10 years at most.',
  },
  {
    name: 'advice-calls',
    category: 'MEDICO_LEGAL',
    what: 'Advice calls',
    keepYears: 10,
    after: 'ADVICE_CALL',
    disposition: 'DESTROY',
    reason: 'The Member Support Program and assistance look back 10 years; older calls inform nothing.',
  },
  {
    name: 'support-program-enrolments',
    category: 'MEDICO_LEGAL',
    what: "Closed Member Support Program enrolments with their notes, the identification's recorded figures and the member's observations on it",
    keepYears: 10,
    after: 'ENROLMENT_CLOSED',
    disposition: 'DESTROY',
    reason:
      'The program looks back 10 years: a later identification or review may need to know what was tried before within that window, and nothing after it. The figures and observations explain the enrolment and go with it.',
  },
  {
    name: 'support-program-education-plans',
    category: 'LEARNING',
    // A plan's steps are the factors the program's assessment found: a hold on the program's medico-legal records keeps it too.
    alsoTouches: ['MEDICO_LEGAL'],
    what: 'Completed or closed Member Support Program education plans with their steps (factors, activities, evidence)',
    keepYears: 10,
    after: 'PLAN_CLOSED',
    disposition: 'DESTROY',
    reason:
      "The plan is part of the program's record of an enrolment and is kept as long as the enrolment is (10 years): a later identification or review may need to know what was tried before. Counted from the plan's own end, the day this subgraph knows, so a plan ended after its enrolment closed is kept 10 years from then.",
  },
  {
    name: 'learning-completions',
    category: 'LEARNING',
    what: 'Learning completions and their credits',
    keepYears: 7,
    after: 'COMPLETION',
    disposition: 'DESTROY',
    reason: 'Continuing-professional-development cycles are five years; a member may ask for proof for one cycle after.',
  },
  {
    name: 'privacy-requests',
    category: 'PRIVACY_RECORD',
    what: 'Closed access, correction and consent-withdrawal requests',
    keepYears: 2,
    after: 'REQUEST_CLOSED',
    disposition: 'DESTROY',
    reason:
      'Kept while the member may complain to a commissioner about the answer (six months after a refusal or the expiry of the time limit, PIPEDA s. 11(3)), and more than a year beyond. A refused or deemed-refused request, and what it asked for, is held past this until an officer releases the hold once recourse is exhausted.',
  },
  {
    name: 'confidentiality-incidents',
    category: 'PRIVACY_RECORD',
    what: 'Entries in the register of confidentiality incidents, with who was told and when',
    keepYears: 5,
    after: 'INCIDENT_DISCOVERED',
    disposition: 'DESTROY',
    reason:
      "Quebec's Regulation respecting confidentiality incidents (s. 7) keeps each entry at least five years after the date or period the organisation became aware of the incident; the Commission may ask for the register until then. An entry about a member whose information is held (a refused request under recourse) stays until the hold is released.",
  },
  {
    name: 'disclosures',
    category: 'PRIVACY_RECORD',
    what: 'Records of disclosures to third parties',
    keepYears: 7,
    after: 'DISCLOSURE',
    disposition: 'DESTROY',
    reason: 'Members may ask who received their information; seven years answers that for any recent membership question.',
  },
  {
    name: 'survey-comments',
    category: 'SURVEY',
    what: "What a member wrote in a service survey's comment",
    keepYears: 1,
    after: 'SURVEYED_SERVICE',
    disposition: 'DESTROY',
    reason: 'Read by the member alone (and their access report); no statistic uses it. A year lets the member see what they said about a recent service.',
  },
  {
    name: 'service-surveys',
    category: 'SURVEY',
    what: 'Service surveys sent and answered: who was surveyed about which service, and their scores',
    keepYears: 3,
    after: 'SURVEYED_SERVICE',
    disposition: 'ANONYMISE',
    reason:
      "An annual report compares a year with the two before; after that no one needs to know whose answer it was. The scores, service, quarter and province stay, about no one, so a closed quarter's published results never change (a change would tell what left).",
  },
  {
    name: 'membership-fees',
    category: 'FINANCIAL',
    what: "A year's invoice with its payments (amount, date, the bank's transfer reference, at most the account's last four digits) and refunds",
    keepYears: 7,
    after: 'FEE_YEAR_ENDED',
    disposition: 'DESTROY',
    reason:
      'Financial records are kept six years after the end of the tax year they relate to (Income Tax Act s. 230(4)); a seventh covers a reimbursement program asking late about that year. Nothing else needs them.',
  },
];

export function retentionRule(name: string): RetentionRule {
  const rule = RETENTION_SCHEDULE.find((r) => r.name === name);
  if (!rule) throw new Error(`no retention rule named ${name}`);
  return rule;
}

/** The last day whose records are past retention on `asOf`: anything dated before it is due. */
export function retentionCutoff(rule: RetentionRule, asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y - rule.keepYears, m - 1, d));
  return cutoff.toISOString().slice(0, 10);
}

/** Every category a rule's disposition changes: a hold on any of them keeps the row. */
export const categoriesTouched = (rule: Pick<RetentionRule, 'category' | 'alsoTouches'>): readonly DataCategory[] => [rule.category, ...(rule.alsoTouches ?? [])];
