import { validSchedule } from '../../src/domain/event-schedule.js';
import { refusedArgument } from '../../../../test/unit/support/refusal.js';

const NOW = new Date('2026-11-01T12:00:00Z');
const session = (overrides = {}) => ({
  startsAt: new Date('2026-12-01T14:00:00Z'),
  endsAt: new Date('2026-12-01T16:00:00Z'),
  place: '  Salle 101, Ottawa ',
  onlineLink: null as string | null,
  capacity: 30,
  ...overrides,
});

describe('scheduling an event', () => {
  it('keeps the place trimmed and at most 200 characters', () => {
    expect(validSchedule(session(), NOW).place).toBe('Salle 101, Ottawa');
    expect(validSchedule(session({ place: 'x'.repeat(5_000) }), NOW).place).toHaveLength(200);
  });

  it('accepts an online session with an https link and no place', () => {
    expect(validSchedule(session({ place: null, onlineLink: 'https://meet.example.ca/abc' }), NOW)).toMatchObject({ place: null, onlineLink: 'https://meet.example.ca/abc' });
  });

  it.each([
    ['an end before the start', { endsAt: new Date('2026-12-01T13:00:00Z') }, 'event.endsAt'],
    ['an end equal to the start', { endsAt: new Date('2026-12-01T14:00:00Z') }, 'event.endsAt'],
    ['a start in the past', { startsAt: new Date('2026-10-01T14:00:00Z'), endsAt: new Date('2026-10-01T16:00:00Z') }, 'event.startsAt'],
    ['a start right now', { startsAt: NOW, endsAt: new Date('2026-11-01T13:00:00Z') }, 'event.startsAt'],
    ['no seats', { capacity: 0 }, 'event.capacity'],
    ['negative seats', { capacity: -5 }, 'event.capacity'],
    ['10,001 seats', { capacity: 10_001 }, 'event.capacity'],
    ['half a seat', { capacity: 2.5 }, 'event.capacity'],
    ['NaN seats', { capacity: Number.NaN }, 'event.capacity'],
    ['neither place nor link', { place: null, onlineLink: null }, 'event.place'],
    ['an empty place and no link', { place: '', onlineLink: null }, 'event.place'],
    ['an http link', { onlineLink: 'http://meet.example.ca/abc' }, 'event.onlineLink'],
    ['a javascript: link', { onlineLink: 'javascript:alert(1)' }, 'event.onlineLink'],
    ['a link with a space', { onlineLink: 'https://evil.example/ x' }, 'event.onlineLink'],
    ['a link of 400 characters', { onlineLink: `https://${'a'.repeat(392)}` }, 'event.onlineLink'],
  ])('refuses %s', (_label, overrides, argument) => {
    expect(refusedArgument(() => validSchedule(session(overrides), NOW))).toBe(argument);
  });

  it('accepts exactly 1 and exactly 10,000 seats', () => {
    expect(validSchedule(session({ capacity: 1 }), NOW).capacity).toBe(1);
    expect(validSchedule(session({ capacity: 10_000 }), NOW).capacity).toBe(10_000);
  });
});
