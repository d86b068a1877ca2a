import { addDays, addYears } from '@mutual-graph/domain-codes';
import type { SyntheticMember } from './members.js';
import { Domain, fakerFor, poisson, weighted } from './random.js';
import type { SyntheticOptions } from './options.js';

export type ActivityKind = 'ARTICLE' | 'ELEARNING' | 'WORKSHOP' | 'WEBINAR' | 'PODCAST' | 'GOOD_PRACTICES_GUIDE' | 'EBULLETIN';

export interface SyntheticActivity {
  id: string;
  code: string;
  title: string;
  kind: ActivityKind;
  language: 'EN' | 'FR' | 'BOTH';
  durationMinutes: number;
  /** Mainpro+ certified credits (hours), 0 when not accredited */
  credits: number;
  /** Royal College MOC Section 3 hours, 0 when not accredited */
  mocSection3Hours: number;
  topics: string[];
  publishedOn: string;
  /** Withdrawn from the catalogue; null while current */
  retiredOn: string | null;
}

export interface SyntheticCompletion {
  id: string;
  memberId: string;
  activityId: string;
  completedOn: string;
  credits: number;
}

const TOPICS = [
  'Informed consent',
  'Documentation and charting',
  'Disclosure of patient safety incidents',
  'Virtual care',
  'Privacy and confidentiality',
  'Managing College complaints',
  'Communicating with patients',
  'Handoffs and transitions',
  'Diagnostic error',
  'Prescribing opioids',
  'Obstetrical emergencies',
  'Test result follow-up',
  'Artificial intelligence in practice',
  'Physician wellness',
  'Threats and harassment',
  'Team-based care',
  'Surgical safety',
  'Medical records retention',
];
const KINDS = [
  ['ARTICLE', 30],
  ['ELEARNING', 20],
  ['WORKSHOP', 10],
  ['WEBINAR', 15],
  ['PODCAST', 10],
  ['GOOD_PRACTICES_GUIDE', 10],
  ['EBULLETIN', 5],
] as const;
export const CATALOGUE_SIZE = 72;

/** The learning catalogue: a fixed set of activities for a seed. */
export function syntheticCatalogue(options: SyntheticOptions): SyntheticActivity[] {
  return Array.from({ length: CATALOGUE_SIZE }, (_, i) => {
    const faker = fakerFor(options.seed, i, Domain.catalogue);
    const kind = weighted(faker, KINDS);
    const accredited = kind === 'ELEARNING' || kind === 'WORKSHOP' || kind === 'WEBINAR';
    const durationMinutes = kind === 'WORKSHOP' ? 180 : kind === 'ELEARNING' ? 60 : kind === 'WEBINAR' ? 60 : 15;
    const publishedOn = addDays(options.asOf, -faker.number.int({ min: 30, max: 8 * 365 }));
    const topic = TOPICS[i % TOPICS.length];
    const second = faker.helpers.arrayElement(TOPICS.filter((t) => t !== topic));
    return {
      id: faker.string.uuid(),
      code: `LA-${String(i + 1).padStart(3, '0')}`,
      title: `${topic}: ${kind.toLowerCase().replaceAll('_', ' ')} ${Math.floor(i / TOPICS.length) + 1}`,
      kind,
      language: weighted(faker, [
        ['BOTH', 70],
        ['EN', 20],
        ['FR', 10],
      ] as const),
      durationMinutes,
      credits: accredited ? durationMinutes / 60 : 0,
      mocSection3Hours: kind === 'ELEARNING' || kind === 'WORKSHOP' ? durationMinutes / 60 : 0,
      topics: faker.datatype.boolean(0.5) ? [topic, second] : [topic],
      publishedOn,
      // Some older items have been withdrawn from the catalogue.
      retiredOn: publishedOn < addYears(options.asOf, -5) && faker.datatype.boolean(0.4) ? addDays(publishedOn, 4 * 365) : null,
    };
  });
}

/** Five years of a member's completed learning, drawn from the catalogue. */
export function syntheticCompletions(member: SyntheticMember, catalogue: SyntheticActivity[], options: SyntheticOptions): SyntheticCompletion[] {
  if (member.periods.length === 0) return [];
  const faker = fakerFor(options.seed, member.index, Domain.learning);
  const from = addYears(options.asOf, -5);
  const count = poisson(faker, faker.number.float({ min: 0.2, max: 2.5 }) * 5);
  const completions: SyntheticCompletion[] = [];
  for (let i = 0; i < count; i++) {
    const activity = faker.helpers.arrayElement(catalogue);
    const completedOn = addDays(from, faker.number.int({ min: 0, max: 5 * 365 }));
    if (completedOn < activity.publishedOn) continue;
    completions.push({ id: faker.string.uuid(), memberId: member.id, activityId: activity.id, completedOn, credits: activity.credits });
  }
  return completions;
}

export interface SyntheticEvent {
  id: string;
  activityId: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineLink: string | null;
  capacity: number;
}

const VENUES = ['Toronto', 'Montréal', 'Vancouver', 'Calgary', 'Halifax', 'Winnipeg', 'Ottawa', 'Québec'];

/** Sessions of the catalogue's workshops and webinars over the six months after `asOf`. */
export function syntheticEvents(catalogue: SyntheticActivity[], options: SyntheticOptions): SyntheticEvent[] {
  const sessions = catalogue.filter((a) => a.kind === 'WORKSHOP' || a.kind === 'WEBINAR');
  return sessions.flatMap((activity, i) => {
    const faker = fakerFor(options.seed, i, Domain.catalogue + 100);
    return Array.from({ length: 2 }, (_, n) => {
      const day = addDays(options.asOf, 14 + faker.number.int({ min: 0, max: 180 }) + n * 7);
      const hour = faker.number.int({ min: 12, max: 22 });
      const startsAt = `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
      const online = activity.kind === 'WEBINAR' || faker.datatype.boolean(0.2);
      return {
        id: faker.string.uuid(),
        activityId: activity.id,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + activity.durationMinutes * 60_000).toISOString(),
        place: online ? null : `${faker.helpers.arrayElement(VENUES)} (example venue)`,
        onlineLink: online ? `https://learning.example.org/sessions/${activity.code.toLowerCase()}-${n + 1}` : null,
        capacity: online ? faker.number.int({ min: 50, max: 300 }) : faker.number.int({ min: 12, max: 40 }),
      };
    });
  });
}
