import { changeDay, knownTypeOfWork, mayChange, type Period, specialtyOf, statusChange, type StatusChangeRequest, TRANSITIONS, typeOfWorkChange } from '../../src/domain/membership-lifecycle.js';
import { MembershipStatus, STORED_STATUSES } from '../../src/entities/membership-status.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const { APPLIED, ACTIVE, LAPSED, RESIGNED, RETIRED, DECEASED, NOT_A_MEMBER } = MembershipStatus;

const period = (startsOn: string, endsOn: string | null, typeOfWork = 'FM-NOB', feeRegion = 'ONTARIO'): Period => ({ startsOn, endsOn, typeOfWork, feeRegion });

const request = (overrides: Partial<StatusChangeRequest>): StatusChangeRequest => ({
  from: ACTIVE,
  to: LAPSED,
  day: '2026-06-01',
  last: null,
  periods: [],
  typeOfWork: 'FM-NOB',
  feeRegion: 'ONTARIO',
  ...overrides,
});

describe('status transitions', () => {
  it.each([
    [APPLIED, ACTIVE],
    [APPLIED, RESIGNED],
    [ACTIVE, LAPSED],
    [ACTIVE, RESIGNED],
    [ACTIVE, RETIRED],
    [ACTIVE, DECEASED],
    [LAPSED, ACTIVE],
    [LAPSED, DECEASED],
    [RESIGNED, ACTIVE],
    [RETIRED, ACTIVE],
    [RETIRED, DECEASED],
  ])('lets a %s member become %s', (from, to) => {
    expect(mayChange(from, to)).toBe(true);
  });

  it('keeps DECEASED final', () => {
    for (const to of Object.values(MembershipStatus)) expect(mayChange(DECEASED, to)).toBe(false);
  });

  it('never moves a member to the status they hold', () => {
    for (const status of STORED_STATUSES) expect(mayChange(status, status)).toBe(false);
  });

  it('never moves a member to NOT_A_MEMBER, which is for confirmations only', () => {
    for (const status of STORED_STATUSES) expect(mayChange(status, NOT_A_MEMBER)).toBe(false);
  });

  it('has a rule for every status a record can hold, and lets no applicant retire or lapse', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STORED_STATUSES].sort());
    expect(mayChange(APPLIED, RETIRED)).toBe(false);
    expect(mayChange(APPLIED, LAPSED)).toBe(false);
  });

  it('refuses hostile statuses (prototype names, unknown values) rather than crash', () => {
    for (const from of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'active']) {
      expect(mayChange(from as MembershipStatus, ACTIVE)).toBe(false);
    }
  });

  it('refuses a transition the table does not allow, naming `to` and both statuses', () => {
    expect(refusal(() => statusChange(request({ from: APPLIED, to: RETIRED })))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'to',
      message: 'a APPLIED member cannot become RETIRED',
    });
  });
});

describe('the day a change takes effect', () => {
  it('is the UTC calendar day of the date given', () => {
    expect(changeDay(new Date('2026-03-04T23:59:59.999Z'), '2026-10-31')).toBe('2026-03-04');
  });

  it('may be today', () => {
    expect(changeDay(new Date('2026-10-31T23:00:00Z'), '2026-10-31')).toBe('2026-10-31');
  });

  it('refuses tomorrow: effectiveOn cannot be in the future', () => {
    expect(refusal(() => changeDay(new Date('2026-11-01T00:00:00Z'), '2026-10-31'))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'effectiveOn',
      message: 'effectiveOn cannot be in the future',
    });
  });

  it('refuses a date far in the future whatever its year has as digits', () => {
    expect(refusal(() => changeDay(new Date('+010000-01-01T00:00:00Z'), '2026-10-31')).argument).toBe('effectiveOn');
  });

  it('reads the real clock when no day is given', () => {
    expect(refusal(() => changeDay(new Date(Date.now() + 2 * 86_400_000))).argument).toBe('effectiveOn');
    expect(changeDay(new Date())).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('changes of status and periods of protection', () => {
  it('opens a period from the day an applicant is accepted, with their type of work and fee region', () => {
    expect(statusChange(request({ from: APPLIED, to: ACTIVE, day: '2026-01-15', typeOfWork: 'EM', feeRegion: 'QUEBEC' }))).toEqual({
      closeOpenOn: null,
      opens: period('2026-01-15', null, 'EM', 'QUEBEC'),
    });
  });

  it('lets acceptance reach back before the application was recorded', () => {
    const last = { fromStatus: null, effectiveOn: '2026-05-01' };
    expect(statusChange(request({ from: APPLIED, to: ACTIVE, day: '2026-01-01', last })).opens?.startsOn).toBe('2026-01-01');
  });

  it('refuses a change dated before the last change', () => {
    const last = { fromStatus: APPLIED, effectiveOn: '2026-05-01' };
    expect(refusal(() => statusChange(request({ from: ACTIVE, to: LAPSED, day: '2026-04-30', last, periods: [period('2026-05-01', null)] })))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'effectiveOn',
      message: 'effectiveOn is before the last change (2026-05-01)',
    });
  });

  it('accepts a change on the same day as the last one', () => {
    const last = { fromStatus: LAPSED, effectiveOn: '2026-05-01' };
    expect(statusChange(request({ from: ACTIVE, to: RETIRED, day: '2026-05-02', last, periods: [period('2026-05-01', null)] })).closeOpenOn).toBe('2026-05-01');
  });

  it('closes the open period the day before the member leaves ACTIVE', () => {
    expect(statusChange(request({ from: ACTIVE, to: LAPSED, day: '2026-03-01', periods: [period('2025-01-01', '2025-06-30'), period('2026-01-01', null)] }))).toEqual({
      closeOpenOn: '2026-02-28',
      opens: null,
    });
  });

  it('closes across a leap day and a year end', () => {
    expect(statusChange(request({ day: '2028-03-01', periods: [period('2028-01-01', null)] })).closeOpenOn).toBe('2028-02-29');
    expect(statusChange(request({ day: '2027-01-01', periods: [period('2026-01-01', null)] })).closeOpenOn).toBe('2026-12-31');
  });

  it('refuses to close the open period before it began', () => {
    expect(refusal(() => statusChange(request({ day: '2026-01-01', periods: [period('2026-01-02', null)] })))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'effectiveOn',
      message: 'effectiveOn must come after the current period began',
    });
  });

  it('leaves a one-day period when a member leaves the day after they joined, and refuses leaving on the day they joined', () => {
    expect(statusChange(request({ day: '2026-01-02', periods: [period('2026-01-01', null)] })).closeOpenOn).toBe('2026-01-01');
    expect(refusal(() => statusChange(request({ day: '2026-01-01', periods: [period('2026-01-01', null)] }))).argument).toBe('effectiveOn');
  });

  it('changes no period between statuses without protection', () => {
    expect(statusChange(request({ from: LAPSED, to: RESIGNED, periods: [period('2025-01-01', '2025-12-31')] }))).toEqual({ closeOpenOn: null, opens: null });
  });

  it('refuses a period that overlaps an earlier one', () => {
    expect(refusal(() => statusChange(request({ from: LAPSED, to: ACTIVE, day: '2025-12-31', periods: [period('2025-01-01', '2025-12-31')] })))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'effectiveOn',
      message: 'a new period cannot overlap an earlier one',
    });
  });

  it('opens a new period the day after the earlier one ended', () => {
    expect(statusChange(request({ from: LAPSED, to: ACTIVE, day: '2026-01-01', periods: [period('2025-01-01', '2025-12-31')] })).opens?.startsOn).toBe('2026-01-01');
  });

  it('refuses a second open period', () => {
    expect(refusal(() => statusChange(request({ from: LAPSED, to: ACTIVE, day: '2027-01-01', periods: [period('2026-01-01', null)] }))).message).toBe('a new period cannot overlap an earlier one');
  });

  it('judges overlap by the latest period whatever order the periods come in', () => {
    const periods = [period('2025-01-01', '2025-12-31'), period('2020-01-01', '2020-06-30')];
    expect(refusal(() => statusChange(request({ from: LAPSED, to: ACTIVE, day: '2025-06-01', periods }))).message).toBe('a new period cannot overlap an earlier one');
  });

  it('refuses a period reaching back into a gap between earlier periods', () => {
    const periods = [period('2020-01-01', '2020-12-31'), period('2024-01-01', '2024-12-31')];
    expect(refusal(() => statusChange(request({ from: RESIGNED, to: ACTIVE, day: '2022-01-01', periods }))).argument).toBe('effectiveOn');
  });

  it('checks the transition before the dates', () => {
    expect(refusal(() => statusChange(request({ from: DECEASED, to: ACTIVE, day: '1900-01-01', periods: [period('2020-01-01', null)] }))).argument).toBe('to');
  });
});

describe('changes of type of work', () => {
  const open = period('2026-01-01', null, 'FM-NOB', 'QUEBEC');

  it('knows every type of work the schema lists and its specialty', () => {
    expect(knownTypeOfWork('EM')).toBe('EM');
    expect(specialtyOf('FM-OB')).toBe('FAMILY_MEDICINE');
  });

  it.each(['', 'em', ' EM', 'EM ', '__proto__', 'constructor', 'FM-NOB; drop table member', 'x'.repeat(10_000)])('refuses the unknown type of work %j', (code) => {
    expect(refusal(() => knownTypeOfWork(code))).toEqual({ code: 'BAD_USER_INPUT', argument: 'typeOfWork', message: 'typeOfWork is not a known type-of-work code' });
  });

  it('ends the current period the day before and opens one with the new type, in the same fee region', () => {
    expect(typeOfWorkChange({ status: ACTIVE, open, typeOfWork: 'EM', day: '2026-07-01' })).toEqual({
      closeOpenOn: '2026-06-30',
      opens: period('2026-07-01', null, 'EM', 'QUEBEC'),
    });
  });

  it.each([APPLIED, LAPSED, RESIGNED, RETIRED, DECEASED])('refuses a %s member', (status) => {
    expect(refusal(() => typeOfWorkChange({ status, open, typeOfWork: 'EM', day: '2026-07-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'memberId',
      message: 'only an active member changes type of work',
    });
  });

  it('refuses an active member with no open period', () => {
    expect(refusal(() => typeOfWorkChange({ status: ACTIVE, open: null, typeOfWork: 'EM', day: '2026-07-01' })).argument).toBe('memberId');
  });

  it('refuses the type of work the member already has', () => {
    expect(refusal(() => typeOfWorkChange({ status: ACTIVE, open, typeOfWork: 'FM-NOB', day: '2026-07-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'typeOfWork',
      message: 'this is already the current type of work',
    });
  });

  it('refuses a change on or before the day the current period began', () => {
    for (const day of ['2026-01-01', '2025-12-31']) {
      expect(refusal(() => typeOfWorkChange({ status: ACTIVE, open, typeOfWork: 'EM', day }))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'effectiveOn',
        message: 'effectiveOn must come after the current period began',
      });
    }
    expect(typeOfWorkChange({ status: ACTIVE, open, typeOfWork: 'EM', day: '2026-01-02' }).closeOpenOn).toBe('2026-01-01');
  });
});
