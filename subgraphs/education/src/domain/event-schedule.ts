import { badUserInput } from '@mutual-graph/platform';
import type { ScheduleEventInput } from '../types/event-inputs.js';

/** The most seats an event may have. */
export const MAX_CAPACITY = 10_000;
/** A place is kept to this many characters. */
const MAX_PLACE = 200;
const ONLINE_LINK = /^https:\/\/\S{3,290}$/;

/** A session to schedule: in the future, ending after it starts, with 1 to 10,000 seats and a place or an https link. */
export function validSchedule(input: Omit<ScheduleEventInput, 'activityId'>, now: Date = new Date()) {
  if (input.endsAt <= input.startsAt) throw badUserInput('event.endsAt', 'endsAt must come after startsAt');
  if (input.startsAt <= now) throw badUserInput('event.startsAt', 'startsAt must be in the future');
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY) throw badUserInput('event.capacity', 'capacity must be 1 to 10,000 seats');
  if (!input.place && !input.onlineLink) throw badUserInput('event.place', 'give a place, an online link, or both');
  if (input.onlineLink && !ONLINE_LINK.test(input.onlineLink)) throw badUserInput('event.onlineLink', 'onlineLink must be an https address');
  return {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place?.trim().slice(0, MAX_PLACE) || null,
    onlineLink: input.onlineLink ?? null,
    capacity: input.capacity,
  };
}
