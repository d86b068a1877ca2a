import { recourseDeadline, RECOURSE_MONTHS, writtenRefusal, type RefusalLetter } from '../../src/domain/written-refusal.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const letter = (changes: Partial<RefusalLetter> = {}): RefusalLetter => ({
  reasons: ' The records you asked for name another physician and their patients. ',
  provision: 'PIPEDA s. 9(1)',
  recourse: 'You may complain to the Privacy Commissioner of Canada within six months of this letter.',
  sentOn: new Date('2026-11-20T12:00:00Z'),
  ...changes,
});
const request = { receivedOn: '2026-11-01' };

describe('a written refusal (PIPEDA s. 8(7))', () => {
  it('keeps the reasons, the provision, the recourse and the day sent, and gives the member six months of recourse', () => {
    expect(RECOURSE_MONTHS).toBe(6);
    expect(writtenRefusal(request, letter(), '2026-11-21')).toEqual({
      letter: {
        refusalReasons: 'The records you asked for name another physician and their patients.',
        refusalProvision: 'PIPEDA s. 9(1)',
        refusalRecourse: 'You may complain to the Privacy Commissioner of Canada within six months of this letter.',
        refusalSentOn: '2026-11-20',
      },
      recourseUntil: '2027-05-20',
    });
  });

  it('counts six months to the end of a shorter month', () => {
    expect(recourseDeadline('2026-08-31')).toBe('2027-02-28');
    expect(recourseDeadline('2027-08-31')).toBe('2028-02-29');
  });

  it.each([
    ['refusal.reasons', { reasons: '' }],
    ['refusal.reasons', { reasons: 'No.' }],
    ['refusal.provision', { provision: '  ' }],
    ['refusal.recourse', { recourse: 'None.' }],
    ['refusal.sentOn', { sentOn: new Date('2026-10-31T12:00:00Z') }],
    ['refusal.sentOn', { sentOn: new Date('2026-11-22T12:00:00Z') }],
  ])('refuses a refusal whose %s is missing or wrong', (argument, changes) => {
    expect(refusal(() => writtenRefusal(request, letter(changes), '2026-11-21'))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it.each(['\u0000', '\r', '\u202e', '\u200b'])('refuses hostile text (%j) in every written field', (hostile) => {
    for (const [field, argument] of [
      ['reasons', 'refusal.reasons'],
      ['provision', 'refusal.provision'],
      ['recourse', 'refusal.recourse'],
    ] as const) {
      expect(refusal(() => writtenRefusal(request, letter({ [field]: `${letter()[field]}${hostile}x` }), '2026-11-21'))).toMatchObject({ argument });
    }
  });
});
