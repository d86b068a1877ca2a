import { COMMENT_MAX, validAnswers } from '../../src/domain/survey-answers.js';
import { SurveyedService } from '../../src/domain/surveyed-service.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('not refused');
};

describe('survey answers', () => {
  it('keeps satisfaction, stress before and after for an advice call, and a trimmed comment', () => {
    expect(validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 5, stressBefore: 5, stressAfter: 2, comment: '  Very helpful.\n ' })).toEqual({
      satisfaction: 5,
      stressBefore: 5,
      stressAfter: 2,
      comment: 'Very helpful.',
    });
    expect(validAnswers(SurveyedService.EDUCATION_EVENT, { satisfaction: 3, comment: '   ' })).toEqual({ satisfaction: 3, stressBefore: null, stressAfter: null, comment: null });
  });

  it.each([0, 6, 2.5, -1, Number.NaN, 1e9])('refuses satisfaction %p off the 1 to 5 scale', (satisfaction) => {
    expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'answers.satisfaction' });
  });

  it('refuses stress off the scale, one of the two without the other, and stress about an event', () => {
    expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, stressBefore: 7, stressAfter: 1 }))).toMatchObject({ argument: 'answers.stressBefore' });
    expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, stressBefore: 4 }))).toMatchObject({ argument: 'answers.stressAfter' });
    expect(refusal(() => validAnswers(SurveyedService.EDUCATION_EVENT, { satisfaction: 4, stressBefore: 4, stressAfter: 2 }))).toMatchObject({ argument: 'answers.stressBefore' });
  });

  it('refuses a comment too long or holding a NUL or another control character', () => {
    expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, comment: 'x'.repeat(COMMENT_MAX + 1) }))).toMatchObject({ argument: 'answers.comment' });
    expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, comment: 'fine\u0000; drop table education.service_survey' }))).toMatchObject({ argument: 'answers.comment' });
    expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, comment: 'bell\u0007' }))).toMatchObject({ argument: 'answers.comment' });
    // A carriage return breaks the access report's table; C1 controls, direction overrides and zero-width characters disguise text.
    for (const comment of ['line\rover', 'c1\u0085', 'reversed \u202etxet', 'zero\u200bwidth', 'b\ufeffom'])
      expect(refusal(() => validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, comment }))).toMatchObject({ argument: 'answers.comment' });
    expect(validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, comment: 'two\nlines\tand a tab' }).comment).toBe('two\nlines\tand a tab');
    expect(validAnswers(SurveyedService.ADVICE_CALL, { satisfaction: 4, comment: "Robert'); <script>alert(1)</script> é 漢字 😀" }).comment).toBe("Robert'); <script>alert(1)</script> é 漢字 😀");
  });
});
