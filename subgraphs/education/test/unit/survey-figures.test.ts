import { satisfactionRate, severeStressReduction } from '../../src/reporting/survey-figures.js';

describe('survey figures, as the annual report states them', () => {
  it('counts satisfied or very satisfied respondents over all respondents', () => {
    expect(satisfactionRate({ respondents: 100, satisfied: 93, severeBefore: 0, severeAfter: 0 })).toBeCloseTo(0.93);
    expect(satisfactionRate({ respondents: 0, satisfied: 0, severeBefore: 0, severeAfter: 0 })).toBeNull();
  });

  it('reduces severe stress by the members severe before less those severe after, over those severe before', () => {
    expect(severeStressReduction({ respondents: 80, satisfied: 75, severeBefore: 42, severeAfter: 12 })).toBeCloseTo(30 / 42);
    // Someone not severe before and severe after counts against the reduction.
    expect(severeStressReduction({ respondents: 10, satisfied: 9, severeBefore: 10, severeAfter: 11 })).toBeCloseTo(-0.1);
  });

  it('has no reduction when no one was severe before', () => {
    expect(severeStressReduction({ respondents: 40, satisfied: 38, severeBefore: 0, severeAfter: 0 })).toBeNull();
  });
});
