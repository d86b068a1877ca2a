import { addDays, addYears, formatMinc, toMs } from '@mutual-graph/domain-codes';
import { feeRegion, PROVINCE_SHARES, TYPES_OF_WORK, type ProvinceCode } from './practice.js';
import { Domain, fakerFor, weighted } from './random.js';
import type { SyntheticOptions } from './options.js';

export type MembershipStatus = 'APPLIED' | 'ACTIVE' | 'LAPSED' | 'RESIGNED' | 'RETIRED' | 'DECEASED';

export interface SyntheticPeriod {
  startsOn: string;
  /** null while the period is current */
  endsOn: string | null;
  typeOfWork: string;
  feeRegion: 'QUEBEC' | 'ONTARIO' | 'REST_OF_CANADA';
}

export interface SyntheticMember {
  index: number;
  id: string;
  membershipNumber: string;
  minc: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  preferredLanguage: 'EN' | 'FR';
  email: string;
  phone: string;
  city: string;
  /** The mailing address's province (CONTACT): usually where the member practises, not always. */
  mailingProvince: ProvinceCode;
  /** Where the member practises (PROFESSIONAL): fee region, peer groups. */
  province: ProvinceCode;
  specialty: string;
  typeOfWork: string;
  status: MembershipStatus;
  periods: SyntheticPeriod[];
}

const STATUS_SHARES = [
  ['ACTIVE', 82],
  ['RETIRED', 8],
  ['LAPSED', 4],
  ['RESIGNED', 3],
  ['APPLIED', 2],
  ['DECEASED', 1],
] as const;

/** Share of members whose mailing address is in another province than their practice (border towns, locums, snowbirds). */
const MAILED_ELSEWHERE = 0.04;

/**
 * The mailing address's province, from its own random stream: drawing it from the member's stream
 * would shift every later draw and change the rest of an existing seed's rows.
 */
function mailingProvince(seed: number, index: number, practice: ProvinceCode): ProvinceCode {
  const faker = fakerFor(seed, index, Domain.mailing);
  if (!faker.datatype.boolean(MAILED_ELSEWHERE)) return practice;
  return weighted(
    faker,
    PROVINCE_SHARES.filter(([code]) => code !== practice),
  );
}

/** The member at `index` of the synthetic population; a pure function of (seed, index, asOf). */
export function syntheticMember(index: number, options: SyntheticOptions): SyntheticMember {
  const base = fakerFor(options.seed, index, Domain.member);
  const province = weighted(base, PROVINCE_SHARES);
  // Quebec members mostly French-speaking, elsewhere mostly English-speaking.
  const preferredLanguage = base.datatype.boolean(province === 'QC' ? 0.85 : province === 'NB' ? 0.3 : 0.05) ? 'FR' : 'EN';
  const faker = fakerFor(options.seed, index, Domain.member, preferredLanguage);
  const status = weighted(faker, STATUS_SHARES);
  const work = weighted(
    faker,
    TYPES_OF_WORK.map((t) => [t, t.share] as const),
  );

  // Ages: residents are young, retired members old, everyone else spread across a career.
  const age =
    work.code === 'RES' ? faker.number.int({ min: 25, max: 34 }) : status === 'RETIRED' || status === 'DECEASED' ? faker.number.int({ min: 62, max: 88 }) : faker.number.int({ min: 30, max: 72 });
  const dateOfBirth = addDays(addYears(options.asOf, -age), -faker.number.int({ min: 0, max: 364 }));
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();

  const periods: SyntheticPeriod[] = [];
  if (status !== 'APPLIED') {
    const firstStart = addDays(addYears(dateOfBirth, faker.number.int({ min: 25, max: 30 })), faker.number.int({ min: 0, max: 200 }));
    // Members who left did so between a few months and eight years ago.
    const leftOn = status === 'ACTIVE' ? null : addDays(options.asOf, -faker.number.int({ min: 60, max: 8 * 365 }));
    const end = leftOn ?? options.asOf;
    // Specialists first carried a resident's protection for two to five years.
    const residency = work.code !== 'RES' ? faker.number.int({ min: 2, max: 5 }) : 0;
    const switchOn = residency > 0 ? addYears(firstStart, residency) : null;
    if (switchOn && switchOn < end) {
      periods.push({ startsOn: firstStart, endsOn: addDays(switchOn, -1), typeOfWork: 'RES', feeRegion: feeRegion(province) });
      periods.push({ startsOn: switchOn, endsOn: leftOn, typeOfWork: work.code, feeRegion: feeRegion(province) });
    } else if (firstStart < end) {
      periods.push({ startsOn: firstStart, endsOn: leftOn, typeOfWork: work.code, feeRegion: feeRegion(province) });
    }
    // A lapsed member who came back and lapsed again shows two periods with a gap.
    if (status === 'LAPSED' && periods.length === 1 && toMs(end) - toMs(firstStart) > 6 * 365 * 86_400_000) {
      const gapStart = addYears(firstStart, 3);
      const back = addYears(gapStart, 1);
      periods.splice(
        0,
        1,
        { startsOn: firstStart, endsOn: gapStart, typeOfWork: work.code, feeRegion: feeRegion(province) },
        { startsOn: back, endsOn: leftOn, typeOfWork: work.code, feeRegion: feeRegion(province) },
      );
    }
  }
  const sevenDigits = String((index * 7919 + 1_234_567) % 10_000_000).padStart(7, '0');
  const member: Omit<SyntheticMember, 'mailingProvince'> = {
    index,
    id: faker.string.uuid(),
    membershipNumber: `MG${String(index + 1).padStart(7, '0')}`,
    minc: formatMinc(sevenDigits),
    firstName,
    lastName,
    dateOfBirth,
    preferredLanguage,
    email: faker.internet.email({ firstName, lastName, provider: 'example.org' }).toLowerCase(),
    phone: `+1-555-${faker.string.numeric(3)}-${faker.string.numeric(4)}`,
    city: faker.location.city(),
    province,
    specialty: work.code === 'RES' ? 'RESIDENT' : work.specialty,
    typeOfWork: work.code,
    status,
    periods,
  };
  // Last: it reseeds the shared faker, which every draw above uses.
  return { ...member, mailingProvince: mailingProvince(options.seed, index, province) };
}

export function* syntheticMembers(options: SyntheticOptions): Generator<SyntheticMember> {
  for (let index = 0; index < options.members; index++) yield syntheticMember(index, options);
}

/** Member-years of protection inside [from, to], from the member's periods. */
export function exposureYears(member: Pick<SyntheticMember, 'periods'>, from: string, to: string): number {
  let days = 0;
  for (const p of member.periods) {
    const start = p.startsOn > from ? p.startsOn : from;
    const end = (p.endsOn ?? to) < to ? (p.endsOn ?? to) : to;
    if (end > start) days += (toMs(end) - toMs(start)) / 86_400_000;
  }
  return days / 365.25;
}
