import { deemedRefusedOn, dueOnReceipt, ExtensionGround, extensionNotice, MAX_EXTENSION_DAYS, RESPONSE_DAYS, type ExtensionNoticeRequest } from '../../src/domain/statutory-clock.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const on = (day: string) => new Date(`${day}T12:00:00Z`);
const RECOURSE = 'You may complain to the Privacy Commissioner of Canada about this extension.';
const notice = (changes: Partial<ExtensionNoticeRequest> = {}): ExtensionNoticeRequest => ({
  request: { receivedOn: '2026-11-01', dueOn: '2026-12-01', extended: false },
  givenOn: on('2026-11-20'),
  days: 30,
  ground: ExtensionGround.CONSULTATIONS_NEEDED,
  reason: '  A College must be consulted first.  ',
  recourse: RECOURSE,
  today: '2026-11-21',
  ...changes,
});

describe('the statutory clock of a privacy request', () => {
  it('gives thirty days to answer, counted in calendar days across months and leap years', () => {
    expect(RESPONSE_DAYS).toBe(30);
    expect(dueOnReceipt('2026-10-31')).toBe('2026-11-30');
    expect(dueOnReceipt('2028-02-01')).toBe('2028-03-02');
    expect(dueOnReceipt('2026-12-15')).toBe('2027-01-14');
  });
});

describe('deemed refusal (PIPEDA s. 8(5))', () => {
  const request = { dueOn: '2026-12-01', closedOn: null };

  it('is not deemed refused on or before its time limit', () => {
    expect(deemedRefusedOn(request, '2026-11-15')).toBeNull();
    expect(deemedRefusedOn(request, '2026-12-01')).toBeNull();
  });

  it('is deemed refused from the day after the limit while it stays open', () => {
    expect(deemedRefusedOn(request, '2026-12-02')).toBe('2026-12-02');
    expect(deemedRefusedOn(request, '2027-03-01')).toBe('2026-12-02');
  });

  it('keeps the deemed refusal of a request answered late, and none for one answered in time, whatever the day', () => {
    expect(deemedRefusedOn({ dueOn: '2026-12-01', closedOn: '2026-12-10' }, '2030-01-01')).toBe('2026-12-02');
    expect(deemedRefusedOn({ dueOn: '2026-12-01', closedOn: '2026-12-01' }, '2030-01-01')).toBeNull();
  });

  it('counts from the extended limit once a request was extended', () => {
    expect(deemedRefusedOn({ dueOn: '2026-12-31', closedOn: null }, '2026-12-20')).toBeNull();
    expect(deemedRefusedOn({ dueOn: '2026-12-31', closedOn: null }, '2027-01-01')).toBe('2027-01-01');
  });
});

describe('the notice of an extension (PIPEDA s. 8(3))', () => {
  it('moves the limit from the original one, and keeps the ground, the reason trimmed, the recourse and the day given', () => {
    expect(extensionNotice(notice())).toEqual({
      givenOn: '2026-11-20',
      originalDueOn: '2026-12-01',
      newDueOn: '2026-12-31',
      ground: ExtensionGround.CONSULTATIONS_NEEDED,
      reason: 'A College must be consulted first.',
      recourse: RECOURSE,
    });
    expect(extensionNotice(notice({ days: 1 })).newDueOn).toBe('2026-12-02');
  });

  it('accepts a notice given and recorded on the last day of the original limit', () => {
    expect(extensionNotice(notice({ givenOn: on('2026-12-01'), today: '2026-12-01' })).givenOn).toBe('2026-12-01');
  });

  it('refuses any extension recorded after the original limit, even with a notice dated within it', () => {
    expect(refusal(() => extensionNotice(notice({ givenOn: on('2026-11-30'), today: '2026-12-02' })))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
  });

  it('refuses a notice dated after the original limit, before receipt, or in the future', () => {
    // Recorded in time is not enough when the notice itself is dated late (a request extended once already has moved dueOn, not the original).
    expect(refusal(() => extensionNotice(notice({ givenOn: on('2026-12-02'), today: '2026-12-01' })))).toMatchObject({ argument: 'notice.givenOn' });
    expect(refusal(() => extensionNotice(notice({ givenOn: on('2026-10-31') })))).toMatchObject({ argument: 'notice.givenOn' });
    expect(refusal(() => extensionNotice(notice({ givenOn: on('2026-11-22') })))).toMatchObject({ argument: 'notice.givenOn' });
  });

  it('refuses a second extension', () => {
    expect(refusal(() => extensionNotice(notice({ request: { receivedOn: '2026-11-01', dueOn: '2026-12-31', extended: true } })))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'requestId',
      message: 'a request may be extended once only',
    });
  });

  it.each([0, -1, MAX_EXTENSION_DAYS + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])('refuses an extension of %s days', (days) => {
    expect(refusal(() => extensionNotice(notice({ days })))).toEqual({ code: 'BAD_USER_INPUT', argument: 'notice.days', message: 'an extension is 1 to 30 days' });
  });

  it('refuses a notice without a reason, or that does not tell the member of the right to complain to the Commissioner', () => {
    expect(refusal(() => extensionNotice(notice({ reason: 'busy' })))).toMatchObject({ argument: 'notice.reason' });
    expect(refusal(() => extensionNotice(notice({ recourse: 'We will answer you by the end of December, thank you.' })))).toMatchObject({ argument: 'notice.recourse' });
    expect(refusal(() => extensionNotice(notice({ recourse: 'short' })))).toMatchObject({ argument: 'notice.recourse' });
  });

  it.each(['\u0000', '\r', '\u202e', '\u200b', '\u001b[2J'])('refuses hostile text (%j) in the reason and the recourse', (hostile) => {
    expect(refusal(() => extensionNotice(notice({ reason: `A College must ${hostile} be consulted.` })))).toMatchObject({ argument: 'notice.reason' });
    expect(refusal(() => extensionNotice(notice({ recourse: `${RECOURSE}${hostile} more` })))).toMatchObject({ argument: 'notice.recourse' });
  });
});
