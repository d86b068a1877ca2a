import { dueOnReceipt, extension, MAX_EXTENSION_DAYS, RESPONSE_DAYS } from '../../src/domain/statutory-clock.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const open = { dueOn: '2026-11-30', extensionReason: null };
const toldOn = (day: string) => new Date(`${day}T12:00:00Z`);

describe('the statutory clock of a privacy request', () => {
  it('gives thirty days to answer, counted in calendar days across months and leap years', () => {
    expect(RESPONSE_DAYS).toBe(30);
    expect(dueOnReceipt('2026-10-31')).toBe('2026-11-30');
    expect(dueOnReceipt('2028-02-01')).toBe('2028-03-02');
    expect(dueOnReceipt('2026-12-15')).toBe('2027-01-14');
  });

  it('extends once, from the original due date, keeping the reason trimmed and the day the member was told', () => {
    expect(extension({ request: open, days: 30, reason: '  volume of records  ', memberToldOn: toldOn('2026-11-20') })).toEqual({
      dueOn: '2026-12-30',
      extensionReason: 'volume of records',
      memberToldOfExtensionOn: '2026-11-20',
    });
  });

  it('refuses a second extension', () => {
    expect(refusal(() => extension({ request: { ...open, extensionReason: 'earlier' }, days: 1, reason: 'again please', memberToldOn: toldOn('2026-11-01') }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'requestId',
      message: 'a request may be extended once only',
    });
  });

  it.each([0, -1, MAX_EXTENSION_DAYS + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])('refuses an extension of %s days', (days) => {
    expect(refusal(() => extension({ request: open, days, reason: 'volume of records', memberToldOn: toldOn('2026-11-20') }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'days',
      message: 'an extension is 1 to 30 days',
    });
  });

  it('accepts 1 day and the maximum', () => {
    expect(extension({ request: open, days: 1, reason: 'volume', memberToldOn: toldOn('2026-11-20') }).dueOn).toBe('2026-12-01');
    expect(extension({ request: open, days: MAX_EXTENSION_DAYS, reason: 'volume', memberToldOn: toldOn('2026-11-20') }).dueOn).toBe('2026-12-30');
  });

  it('refuses a reason of fewer than five characters once trimmed', () => {
    expect(refusal(() => extension({ request: open, days: 10, reason: '  four    ', memberToldOn: toldOn('2026-11-20') }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'reason',
      message: 'give the reason for the extension',
    });
  });

  it('refuses telling the member after the original due date, and accepts telling them on it', () => {
    expect(refusal(() => extension({ request: open, days: 10, reason: 'volume of records', memberToldOn: toldOn('2026-12-01') }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'memberToldOn',
      message: 'the member must be told before the original due date',
    });
    expect(extension({ request: open, days: 10, reason: 'volume of records', memberToldOn: toldOn('2026-11-30') }).memberToldOfExtensionOn).toBe('2026-11-30');
  });

  it('checks once-only before anything else, so a second extension reveals nothing about its other arguments', () => {
    expect(refusal(() => extension({ request: { ...open, extensionReason: 'x' }, days: -1, reason: '', memberToldOn: toldOn('2099-01-01') })).argument).toBe('requestId');
  });
});
