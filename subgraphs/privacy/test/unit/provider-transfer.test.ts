import { provincesNeedingAssessment, standingAssessment, transferDecision, transferRefusal, type AssessmentOnRecord } from '../../src/domain/provider-transfer.js';

let recorded = 0;
const assessment = (changes: Partial<AssessmentOnRecord> = {}): AssessmentOnRecord => ({
  id: `a${++recorded}`,
  categories: ['CONTACT', 'PROFILE'],
  memberProvinces: ['QC'],
  conclusion: 'FAVOURABLE',
  concludedOn: '2026-06-01',
  recordedAt: new Date(Date.UTC(2026, 0, recorded)),
  ...changes,
});
const toQuebec = { categories: ['CONTACT'], memberProvinces: ['QC'] };
const reason = (decision: ReturnType<typeof transferDecision>) => (decision.allowed ? 'ALLOWED' : decision.reason);

describe('which member provinces need an assessment', () => {
  it('is none for a provider keeping the data in the members’ own province', () => {
    expect(provincesNeedingAssessment(['CA-QC'], ['QC'])).toEqual([]);
  });

  it('is every province outside the ones where the provider keeps the data', () => {
    expect(provincesNeedingAssessment(['CA-ON', 'CA-QC'], ['NS', 'ON', 'QC'])).toEqual(['NS']);
  });

  it('is every province, its own included, for a provider that keeps any of the data outside Canada', () => {
    expect(provincesNeedingAssessment(['CA-QC', 'US'], ['ON', 'QC'])).toEqual(['ON', 'QC']);
  });
});

describe('a transfer to a provider outside the members’ province', () => {
  it('is allowed within the province without any assessment', () => {
    expect(transferDecision(['CA-QC'], toQuebec, [])).toEqual({ allowed: true });
  });

  it('is refused without an assessment on record', () => {
    expect(reason(transferDecision(['CA-ON'], toQuebec, []))).toBe('NO_ASSESSMENT');
  });

  it('is refused while the only assessment covering it is pending', () => {
    expect(reason(transferDecision(['CA-ON'], toQuebec, [assessment({ conclusion: 'PENDING', concludedOn: null })]))).toBe('ASSESSMENT_PENDING');
  });

  it('is refused on an unfavourable assessment', () => {
    expect(reason(transferDecision(['US'], toQuebec, [assessment({ conclusion: 'UNFAVOURABLE' })]))).toBe('ASSESSMENT_UNFAVOURABLE');
  });

  it('is refused when the favourable assessment covers another category or another province', () => {
    expect(reason(transferDecision(['CA-ON'], toQuebec, [assessment({ categories: ['PROFILE'] })]))).toBe('NO_ASSESSMENT');
    expect(reason(transferDecision(['CA-ON'], toQuebec, [assessment({ memberProvinces: ['NB'] })]))).toBe('NO_ASSESSMENT');
  });

  it('is allowed on a concluded, favourable assessment covering every category of every province', () => {
    expect(transferDecision(['US'], { categories: ['CONTACT', 'PROFILE'], memberProvinces: ['QC'] }, [assessment()])).toEqual({ allowed: true });
  });

  it('names the first category and province left uncovered', () => {
    const decision = transferDecision(['CA-ON'], { categories: ['CONTACT', 'MEDICO_LEGAL'], memberProvinces: ['ON', 'QC'] }, [assessment()]);
    expect(decision).toEqual({ allowed: false, reason: 'NO_ASSESSMENT', category: 'MEDICO_LEGAL', province: 'QC' });
  });

  it('may be covered by several assessments, one for each part', () => {
    const parts = [assessment({ categories: ['CONTACT'] }), assessment({ categories: ['PROFILE'] })];
    expect(transferDecision(['US'], { categories: ['CONTACT', 'PROFILE'], memberProvinces: ['QC'] }, parts)).toEqual({ allowed: true });
  });
});

describe('a later assessment of the same transfer', () => {
  it('withdraws an older favourable one when it concludes unfavourably', () => {
    const older = assessment({ concludedOn: '2025-01-10' });
    const later = assessment({ conclusion: 'UNFAVOURABLE', concludedOn: '2026-02-01' });
    expect(reason(transferDecision(['US'], toQuebec, [older, later]))).toBe('ASSESSMENT_UNFAVOURABLE');
    expect(reason(transferDecision(['US'], toQuebec, [later, older]))).toBe('ASSESSMENT_UNFAVOURABLE');
  });

  it('restores the transfer when it concludes favourably after an unfavourable one', () => {
    const unfavourable = assessment({ conclusion: 'UNFAVOURABLE', concludedOn: '2025-01-10' });
    expect(transferDecision(['US'], toQuebec, [unfavourable, assessment({ concludedOn: '2026-02-01' })])).toEqual({ allowed: true });
  });

  it('is later by its conclusion date, not by when it was recorded, and by recording on the same day', () => {
    const recordedFirstConcludedLast = assessment({ conclusion: 'UNFAVOURABLE', concludedOn: '2026-03-01' });
    const recordedLastConcludedFirst = assessment({ concludedOn: '2026-02-01' });
    expect(standingAssessment([recordedFirstConcludedLast, recordedLastConcludedFirst], 'CONTACT', 'QC')).toBe(recordedFirstConcludedLast);
    const sameDayFirst = assessment({ concludedOn: '2026-03-01' });
    const sameDayLast = assessment({ conclusion: 'UNFAVOURABLE', concludedOn: '2026-03-01' });
    expect(standingAssessment([sameDayLast, sameDayFirst], 'CONTACT', 'QC')).toBe(sameDayLast);
  });

  it('decides nothing while pending: a standing favourable assessment still stands', () => {
    const pending = assessment({ conclusion: 'PENDING', concludedOn: null });
    expect(transferDecision(['US'], toQuebec, [assessment(), pending])).toEqual({ allowed: true });
  });

  it('withdraws only what it covers', () => {
    const both = assessment({ memberProvinces: ['NB', 'QC'] });
    const quebecOnly = assessment({ conclusion: 'UNFAVOURABLE', memberProvinces: ['QC'], concludedOn: '2026-09-01' });
    expect(transferDecision(['US'], { categories: ['CONTACT'], memberProvinces: ['NB'] }, [both, quebecOnly])).toEqual({ allowed: true });
    expect(reason(transferDecision(['US'], { categories: ['CONTACT'], memberProvinces: ['NB', 'QC'] }, [both, quebecOnly]))).toBe('ASSESSMENT_UNFAVOURABLE');
  });
});

describe('the refusal', () => {
  it('is BAD_USER_INPUT naming the argument, with the reason, the category and the province', () => {
    const error = transferRefusal('transfer', { allowed: false, reason: 'ASSESSMENT_PENDING', category: 'CONTACT', province: 'QC' });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'transfer', reason: 'ASSESSMENT_PENDING', category: 'CONTACT', province: 'QC' });
    expect(error.message).toContain('Quebec');
  });
});
