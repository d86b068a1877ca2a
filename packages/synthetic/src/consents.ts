import { addDays } from '@mutual-graph/domain-codes';
import { SYNTHETIC_REIMBURSEMENT_PROGRAMS } from './fees.js';
import type { SyntheticMember } from './members.js';
import { Domain, fakerFor } from './random.js';
import type { SyntheticOptions } from './options.js';

export type ConsentPurpose = 'COMMUNICATIONS' | 'EDI_COLLECTION' | 'SURVEYS' | 'FEE_REIMBURSEMENT';

/** One event in a consent's history: granted or withdrawn, when and how. */
export interface SyntheticConsentEvent {
  id: string;
  memberId: string;
  purpose: ConsentPurpose;
  decision: 'GRANTED' | 'WITHDRAWN';
  recordedAt: string;
  method: 'ONLINE' | 'PHONE' | 'WRITTEN';
}

const GRANT_RATES: Record<Exclude<ConsentPurpose, 'FEE_REIMBURSEMENT'>, number> = { COMMUNICATIONS: 0.65, EDI_COLLECTION: 0.3, SURVEYS: 0.4 };
/** Members of a province with a reimbursement program who consent to it for their earlier fees, once the 2026.1 policy asked. */
const FEE_REIMBURSEMENT_RATE = 0.8;
const PROGRAM_PROVINCES = new Set<string>(SYNTHETIC_REIMBURSEMENT_PROGRAMS.map((p) => p.province));

export function syntheticConsents(member: SyntheticMember, options: SyntheticOptions): SyntheticConsentEvent[] {
  const first = member.periods[0];
  if (!first) return [];
  const faker = fakerFor(options.seed, member.index, Domain.consent);
  const events: SyntheticConsentEvent[] = [];
  for (const purpose of Object.keys(GRANT_RATES) as (keyof typeof GRANT_RATES)[]) {
    if (!faker.datatype.boolean(GRANT_RATES[purpose])) continue;
    const granted = `${addDays(first.startsOn, faker.number.int({ min: 0, max: 900 }))}T${String(faker.number.int({ min: 8, max: 20 })).padStart(2, '0')}:00:00.000Z`;
    if (granted.slice(0, 10) > options.asOf) continue;
    const method = faker.helpers.arrayElement(['ONLINE', 'ONLINE', 'ONLINE', 'PHONE', 'WRITTEN'] as const);
    events.push({ id: faker.string.uuid(), memberId: member.id, purpose, decision: 'GRANTED', recordedAt: granted, method });
    // About one in eight later withdraws.
    if (faker.datatype.boolean(0.125)) {
      const withdrawn = `${addDays(granted.slice(0, 10), faker.number.int({ min: 30, max: 1500 }))}T12:00:00.000Z`;
      if (withdrawn.slice(0, 10) <= options.asOf) {
        events.push({ id: faker.string.uuid(), memberId: member.id, purpose, decision: 'WITHDRAWN', recordedAt: withdrawn, method: 'ONLINE' });
      }
    }
  }
  // Drawn after the others, so adding it left every earlier consent as it was.
  if (PROGRAM_PROVINCES.has(member.province) && faker.datatype.boolean(FEE_REIMBURSEMENT_RATE)) {
    const granted = `${addDays('2026-01-01', faker.number.int({ min: 0, max: 200 }))}T${String(faker.number.int({ min: 8, max: 20 })).padStart(2, '0')}:00:00.000Z`;
    if (granted.slice(0, 10) <= options.asOf) events.push({ id: faker.string.uuid(), memberId: member.id, purpose: 'FEE_REIMBURSEMENT', decision: 'GRANTED', recordedAt: granted, method: 'ONLINE' });
  }
  return events;
}
