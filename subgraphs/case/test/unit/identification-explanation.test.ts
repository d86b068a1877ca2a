import { chance, figure, inPlainWords, peerGroupChoice, peerRate, type IdentificationFigures } from '../../src/domain/identification-explanation.js';
import { identificationOptions, STANDARD_IDENTIFICATION } from '../../src/domain/identification-options.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const figures: IdentificationFigures = {
  identifiedOn: '2026-12-02',
  lookbackFrom: '2016-12-02',
  lookbackTo: '2026-12-02',
  lookbackYears: 10,
  alpha: 0.001,
  minimumPeerMembers: 30,
  typeOfWork: 'EM',
  feeRegion: 'ONTARIO',
  peerRegion: 'ONTARIO',
  peerMembers: 412,
  peerMatters: 180,
  peerMemberYears: 3600,
  memberYears: 9.5,
  matters: Array.from({ length: 7 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, kind: 'COLLEGE_COMPLAINT', openedOn: `201${i + 7}-03-01` })),
  expected: 0.475,
  rateRatio: 7 / 0.475,
  pValue: 0.0000031,
  upperControlLimit: 3,
};

describe('the identification explanation in plain words', () => {
  it('says what was counted, against which peers, what was expected, and why that stood out', () => {
    const words = inPlainWords(figures, 'RECORDED_AT_IDENTIFICATION');
    expect(words).toContain('On 2026-12-02 the Member Support Program compared your medico-legal matters');
    expect(words).toContain('from 2016-12-02 to 2026-12-02 you had 7 matters in 9.5 years of protection');
    expect(words).toContain('Your peers: the 412 members (you included) whose type of work was emergency medicine (EM) in Ontario');
    expect(words).toContain('they had 0.05 matters per member-year, so 0.48 would be expected');
    expect(words).toContain('your count is 15 times that');
    expect(words).toContain("The chance of 7 matters or more at your peers' rate is about 1 in 320,000");
    expect(words).toContain('below about 1 in 1,000, which for your years of protection means more than 3 matters');
    expect(words).toContain('That is why you were identified.');
  });

  it('says why the national group was used when the region had too few peers, without saying how few', () => {
    const national = { ...figures, peerRegion: 'NATIONAL', feeRegion: 'REST_OF_CANADA', peerMembers: 96 };
    const choice = peerGroupChoice(national);
    expect(choice).toContain('The 96 members (you included) across Canada');
    expect(choice).toContain('in your fee region, the rest of Canada (outside Quebec and Ontario), fewer than 30 members had that type of work');
    expect(choice).not.toMatch(/\b(?!30\b|96\b)\d+ members/);
  });

  it('marks figures worked out again for an enrolment older than the record, and says when they no longer stand out', () => {
    const words = inPlainWords({ ...figures, pValue: 0.2 }, 'RECOMPUTED_AS_OF_IDENTIFICATION');
    expect(words).toMatch(/^Your enrolment of 2026-12-02 predates our record of the figures used, so these were worked out again as of that day/);
    expect(words).toContain('At these figures your count does not stand out beyond chance.');
    expect(words).not.toContain('That is why you were identified.');
  });

  it('counts one matter in the singular and leaves out a rate ratio when peers had no matters', () => {
    const one = { ...figures, matters: figures.matters.slice(0, 1), peerMatters: 0, expected: 0, rateRatio: null, pValue: 0 };
    const words = inPlainWords(one, 'RECORDED_AT_IDENTIFICATION');
    expect(words).toContain('you had 1 matter in');
    expect(words).toContain('so 0 would be expected over your years of protection.');
    expect(words).not.toContain('times that');
    expect(words).toContain('is less than 1 in 10 billion');
  });
});

describe('the figures', () => {
  it('gives the peer rate with the member left out', () => {
    expect(peerRate(figures)).toBeCloseTo(0.05, 12);
    expect(peerRate({ peerMatters: 0, peerMemberYears: 0 })).toBe(0);
  });

  it('writes numbers as people read them', () => {
    expect(figure(0.0123)).toBe('0.012');
    expect(figure(14.736)).toBe('15');
    expect(figure(9.5, 3)).toBe('9.5');
    expect(figure(1234.5)).toBe('1,235');
    expect(chance(0.25)).toBe('25%');
    expect(chance(0.001)).toBe('about 1 in 1,000');
    expect(chance(0.0000031)).toBe('about 1 in 320,000');
  });
});

describe('identification settings', () => {
  it('takes the standard settings where none are given', () => {
    expect(identificationOptions({}, '2026-12-02')).toEqual({ ...STANDARD_IDENTIFICATION, asOf: '2026-12-02' });
  });

  it.each([
    [{ alpha: 0.5 }, 'alpha'],
    [{ alpha: 0 }, 'alpha'],
    [{ minimumPeerMembers: 9 }, 'minimumPeerMembers'],
    [{ minimumPeerMembers: 12.5 }, 'minimumPeerMembers'],
    [{ lookbackYears: 31 }, 'lookbackYears'],
  ])('refuses %j naming the argument', (settings, argument) => {
    expect(refusal(() => identificationOptions(settings, '2026-12-02'))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
