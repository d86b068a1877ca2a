import { DEFAULT_SYNTHETIC_OPTIONS, syntheticCasework, syntheticCatalogue, syntheticCompletions, syntheticConsents, syntheticMember, syntheticMembers } from '@mutual-graph/synthetic';
import { isValidMinc } from '@mutual-graph/domain-codes';

const options = DEFAULT_SYNTHETIC_OPTIONS;
const population = [...syntheticMembers(options)];

describe('the synthetic data generator', () => {
  it('gives the same rows for the same seed, in any order of asking', () => {
    const again = [...syntheticMembers(options)].reverse().reverse();
    expect(again).toEqual(population);
    expect(syntheticMember(1234, options)).toEqual(population[1234]);
    expect(syntheticCasework(population[77], options)).toEqual(syntheticCasework(syntheticMember(77, options), options));
  });

  it('gives different rows for a different seed', () => {
    expect(syntheticMember(0, { ...options, seed: options.seed + 1 }).id).not.toBe(population[0].id);
  });

  it('never repeats an id, MINC or membership number, and every MINC passes its check digit', () => {
    for (const key of ['id', 'minc', 'membershipNumber'] as const) expect(new Set(population.map((m) => m[key])).size).toBe(population.length);
    expect(population.every((m) => isValidMinc(m.minc))).toBe(true);
    expect(isValidMinc('CAMD-1234-5678')).toBe(false);
  });

  it('has every status, with ended periods for those who left and an open one for active members', () => {
    const statuses = new Set(population.map((m) => m.status));
    expect([...statuses].sort()).toEqual(['ACTIVE', 'APPLIED', 'DECEASED', 'LAPSED', 'RESIGNED', 'RETIRED']);
    for (const m of population) {
      if (m.status === 'APPLIED') expect(m.periods).toEqual([]);
      else if (m.status === 'ACTIVE') expect(m.periods.at(-1)?.endsOn ?? null).toBeNull();
      else if (m.periods.length > 0) expect(m.periods.at(-1)!.endsOn).not.toBeNull();
    }
    expect(population.filter((m) => m.status === 'RETIRED').length / population.length).toBeGreaterThan(0.04);
  });

  it('spreads members over provinces roughly as physicians are, Ontario most', () => {
    const count = (p: string) => population.filter((m) => m.province === p).length;
    expect(count('ON')).toBeGreaterThan(count('QC'));
    expect(count('QC')).toBeGreaterThan(count('BC'));
    expect(count('ON') / population.length).toBeGreaterThan(0.3);
  });

  it('gives most members a mailing address in the province they practise in, and some one elsewhere', () => {
    const elsewhere = population.filter((m) => m.mailingProvince !== m.province);
    expect(elsewhere.length / population.length).toBeGreaterThan(0.01);
    expect(elsewhere.length / population.length).toBeLessThan(0.1);
    // Asked again, the same member has the same mailing province.
    expect(syntheticMember(1234, options).mailingProvince).toBe(population[1234].mailingProvince);
  });

  it('resolves roughly a third of closed civil actions with compensation, over ten years of matters', () => {
    const matters = population.flatMap((m) => syntheticCasework(m, options).matters);
    const closedCivil = matters.filter((m) => m.kind === 'CIVIL_ACTION' && m.status === 'CLOSED');
    const compensated = closedCivil.filter((m) => m.compensationPaidCents !== null);
    expect(closedCivil.length).toBeGreaterThan(50);
    expect(compensated.length / closedCivil.length).toBeGreaterThan(0.22);
    expect(compensated.length / closedCivil.length).toBeLessThan(0.45);
    const years = new Set(matters.map((m) => m.openedOn.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(10);
    expect(new Set(matters.map((m) => m.kind)).size).toBe(5);
  });

  it('opens matters and advice calls only on days the member was protected', () => {
    for (const member of population.slice(0, 500)) {
      const { matters, calls } = syntheticCasework(member, options);
      for (const day of [...matters.map((m) => m.openedOn), ...calls.map((c) => c.calledOn)]) {
        expect(member.periods.some((p) => p.startsOn <= day && (p.endsOn === null || day <= p.endsOn))).toBe(true);
      }
    }
  });

  it('records learning completions only of published activities, and consents with their withdrawals', () => {
    const catalogue = syntheticCatalogue(options);
    const published = new Map(catalogue.map((a) => [a.id, a.publishedOn]));
    const completions = population.flatMap((m) => syntheticCompletions(m, catalogue, options));
    expect(completions.length).toBeGreaterThan(population.length);
    expect(completions.every((c) => c.completedOn >= published.get(c.activityId)!)).toBe(true);
    const consents = population.flatMap((m) => syntheticConsents(m, options));
    expect(consents.some((c) => c.decision === 'WITHDRAWN')).toBe(true);
    expect(
      consents.every((c) => c.decision === 'GRANTED' || consents.some((g) => g.memberId === c.memberId && g.purpose === c.purpose && g.decision === 'GRANTED' && g.recordedAt < c.recordedAt)),
    ).toBe(true);
  });
});
