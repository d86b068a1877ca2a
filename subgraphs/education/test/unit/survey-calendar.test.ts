import { isClosed, quarterEnd, quarterOf, quartersBetween, quarterStart, sendingRefusal } from '../../src/domain/survey-calendar.js';

describe('the survey calendar', () => {
  it('names quarters and their first and last days', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterStart('2026-Q4')).toBe('2026-10-01');
    expect(quarterEnd('2026-Q4')).toBe('2026-12-31');
    expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
    expect(quartersBetween('2025-11-15', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('closes a quarter only once every survey of it could have been sent and answered', () => {
    expect(isClosed('2026-Q3', '2026-11-13')).toBe(false);
    expect(isClosed('2026-Q3', '2026-11-14')).toBe(true);
  });

  it('sends a survey within 14 days after the service, never before it', () => {
    expect(sendingRefusal('2026-12-01', '2026-12-01')).toBeNull();
    expect(sendingRefusal('2026-11-17', '2026-12-01')).toBeNull();
    expect(sendingRefusal('2026-11-16', '2026-12-01')).toMatch(/14 days/);
    expect(sendingRefusal('2026-12-02', '2026-12-01')).toMatch(/after the service/);
  });
});
