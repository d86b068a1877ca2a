import { addDays, addYears, minDate } from '@mutual-graph/domain-codes';
import { exposureYears, type SyntheticMember } from './members.js';
import { typeOfWork } from './practice.js';
import { Domain, fakerFor, poisson, weighted } from './random.js';
import type { SyntheticOptions } from './options.js';

export type MatterKind = 'CIVIL_ACTION' | 'COLLEGE_COMPLAINT' | 'HOSPITAL_COMPLAINT' | 'HOSPITAL_PRIVILEGES' | 'OTHER';
export type MatterOutcome =
  'DISMISSED' | 'DISCONTINUED' | 'SETTLED_WITH_COMPENSATION' | 'JUDGMENT_FOR_PATIENT' | 'JUDGMENT_FOR_PHYSICIAN' | 'COLLEGE_NO_ACTION' | 'COLLEGE_CAUTION' | 'COLLEGE_DISCIPLINE' | 'RESOLVED';
export type AdviceTopic =
  'CONSENT' | 'DOCUMENTATION' | 'CONFIDENTIALITY' | 'COLLEGE_COMPLAINT' | 'LEGAL_ACTION' | 'HOSPITAL_ISSUE' | 'BILLING' | 'PRACTICE_MANAGEMENT' | 'THREATS_AND_HARASSMENT' | 'OTHER';

export interface SyntheticMatter {
  id: string;
  memberId: string;
  kind: MatterKind;
  province: string;
  openedOn: string;
  closedOn: string | null;
  status: 'OPEN' | 'CLOSED';
  outcome: MatterOutcome | null;
  /** CAD, in cents, when compensation was paid to a patient */
  compensationPaidCents: number | null;
  physicianAdvisor: string;
  /** Counsel retained, for civil actions and some College matters */
  counsel: string | null;
}

export interface SyntheticAdviceCall {
  id: string;
  memberId: string;
  calledOn: string;
  topic: AdviceTopic;
  language: 'EN' | 'FR';
  durationMinutes: number;
  followUp: boolean;
  physicianAdvisor: string;
}

// Matters per member-year at relative risk 1.0, and what kind they are.
const MATTERS_PER_YEAR = 0.045;
const CALLS_PER_YEAR = 0.22;
const KIND_SHARES = [
  ['COLLEGE_COMPLAINT', 45],
  ['HOSPITAL_COMPLAINT', 22],
  ['CIVIL_ACTION', 23],
  ['HOSPITAL_PRIVILEGES', 5],
  ['OTHER', 5],
] as const;
// How long each kind stays open, in days.
const DURATION: Record<MatterKind, [number, number]> = {
  CIVIL_ACTION: [400, 2200],
  COLLEGE_COMPLAINT: [120, 720],
  HOSPITAL_COMPLAINT: [60, 400],
  HOSPITAL_PRIVILEGES: [90, 540],
  OTHER: [30, 365],
};
const TOPIC_SHARES = [
  ['DOCUMENTATION', 14],
  ['CONSENT', 12],
  ['CONFIDENTIALITY', 12],
  ['COLLEGE_COMPLAINT', 15],
  ['LEGAL_ACTION', 10],
  ['HOSPITAL_ISSUE', 9],
  ['BILLING', 6],
  ['PRACTICE_MANAGEMENT', 12],
  ['THREATS_AND_HARASSMENT', 4],
  ['OTHER', 6],
] as const;

// Physician advisors and law firms: invented names, marked as examples.
const ADVISORS = ['PA-01 Dr. Example Leblanc', 'PA-02 Dr. Example Singh', 'PA-03 Dr. Example Tremblay', 'PA-04 Dr. Example Okafor', 'PA-05 Dr. Example Chen', 'PA-06 Dr. Example Gagnon'];
const COUNSEL = ['Example & Partners LLP', 'Exemple Avocats s.e.n.c.r.l.', 'Sample Litigation LLP', 'Illustrative Law Group'];

function outcomeFor(faker: ReturnType<typeof fakerFor>, kind: MatterKind): MatterOutcome {
  switch (kind) {
    case 'CIVIL_ACTION':
      // Roughly a third of closed civil matters end with compensation paid to the patient.
      return weighted(faker, [
        ['SETTLED_WITH_COMPENSATION', 30],
        ['JUDGMENT_FOR_PATIENT', 3.5],
        ['DISMISSED', 38],
        ['DISCONTINUED', 22],
        ['JUDGMENT_FOR_PHYSICIAN', 6.5],
      ]);
    case 'COLLEGE_COMPLAINT':
      return weighted(faker, [
        ['COLLEGE_NO_ACTION', 68],
        ['COLLEGE_CAUTION', 27],
        ['COLLEGE_DISCIPLINE', 5],
      ]);
    default:
      return weighted(faker, [
        ['RESOLVED', 85],
        ['DISCONTINUED', 15],
      ]);
  }
}

/** Ten years (to `asOf`) of a member's medico-legal matters and advice calls, only while protected. */
export function syntheticCasework(member: SyntheticMember, options: SyntheticOptions): { matters: SyntheticMatter[]; calls: SyntheticAdviceCall[] } {
  const faker = fakerFor(options.seed, member.index, Domain.casework, member.preferredLanguage);
  const from = addYears(options.asOf, -10);
  const years = exposureYears(member, from, options.asOf);
  const matters: SyntheticMatter[] = [];
  const calls: SyntheticAdviceCall[] = [];
  if (years <= 0) return { matters, calls };
  const risk = typeOfWork(member.typeOfWork).risk;
  // Individual physicians differ: a gamma-like spread around the type-of-work rate.
  const personal = faker.number.float({ min: 0.3, max: 1.7 }) * (faker.datatype.boolean(0.03) ? 4 : 1);

  const onProtectedDay = (): string | null => {
    for (let tries = 0; tries < 8; tries++) {
      const day = addDays(from, faker.number.int({ min: 0, max: 3652 }));
      if (member.periods.some((p) => p.startsOn <= day && (p.endsOn === null || day <= p.endsOn))) return day;
    }
    return null;
  };

  const matterCount = poisson(faker, MATTERS_PER_YEAR * risk * personal * years);
  for (let i = 0; i < matterCount; i++) {
    const openedOn = onProtectedDay();
    if (!openedOn) continue;
    const kind = weighted(faker, KIND_SHARES);
    const [minDays, maxDays] = DURATION[kind];
    const closing = addDays(openedOn, faker.number.int({ min: minDays, max: maxDays }));
    const closed = closing <= options.asOf;
    const outcome = closed ? outcomeFor(faker, kind) : null;
    const paid = outcome === 'SETTLED_WITH_COMPENSATION' || outcome === 'JUDGMENT_FOR_PATIENT';
    matters.push({
      id: faker.string.uuid(),
      memberId: member.id,
      kind,
      province: member.province,
      openedOn,
      closedOn: closed ? minDate(closing, options.asOf) : null,
      status: closed ? 'CLOSED' : 'OPEN',
      outcome,
      // Log-normal-ish: most payments tens of thousands, a few in the millions.
      compensationPaidCents: paid ? Math.round(Math.exp(faker.number.float({ min: 9.5, max: 14.5 }))) * 100 : null,
      physicianAdvisor: faker.helpers.arrayElement(ADVISORS),
      counsel: kind === 'CIVIL_ACTION' || (kind === 'COLLEGE_COMPLAINT' && faker.datatype.boolean(0.3)) ? faker.helpers.arrayElement(COUNSEL) : null,
    });
  }

  const callCount = poisson(faker, CALLS_PER_YEAR * Math.sqrt(risk) * personal * years);
  for (let i = 0; i < callCount; i++) {
    const calledOn = onProtectedDay();
    if (!calledOn) continue;
    calls.push({
      id: faker.string.uuid(),
      memberId: member.id,
      calledOn,
      topic: weighted(faker, TOPIC_SHARES),
      language: member.preferredLanguage,
      durationMinutes: faker.number.int({ min: 5, max: 45 }),
      followUp: faker.datatype.boolean(0.25),
      physicianAdvisor: faker.helpers.arrayElement(ADVISORS),
    });
  }
  return { matters, calls };
}
