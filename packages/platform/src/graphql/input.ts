import { GraphQLError } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  // A string only: RegExp.test would take ["<uuid>"] for its text (a representation's id is any JSON).
  return typeof value === 'string' && UUID.test(value);
}

/** A refusal of the caller's input, naming the argument at fault. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** Ids are UUIDs; anything else is the caller's mistake, not a database error. */
export function requireUuid(argument: string, value: string): string {
  if (!isUuid(value)) throw badUserInput(argument, `${argument} must be a UUID`);
  return value.toLowerCase();
}

/** Free text, trimmed, between `min` and `max` characters. */
export function requireText(argument: string, value: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max) throw badUserInput(argument, `${argument} must be ${min} to ${max.toLocaleString('en-CA')} characters`);
  return text;
}

/** Page sizes are bounded so that one request cannot ask for the whole membership. */
export function requirePageSize(argument: string, value: number, max = 100): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(argument, `${argument} must be between 1 and ${max}`);
  return value;
}

/** Lookback windows in whole years. */
export function requireYears(argument: string, value: number, max = 50): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(argument, `${argument} must be a whole number of years from 1 to ${max}`);
  return value;
}

/** The date `years` years before today (UTC), as YYYY-MM-DD. */
export function yearsAgo(years: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

// Control characters (NUL above all, which PostgreSQL cannot store; a carriage return, which breaks a
// report's table) and format characters (direction overrides, zero-width); line breaks and tabs are text.
const CONTROL = /(?![\n\t])\p{Cc}|\p{Cf}/u;

/** Free text to be stored: as requireText, and free of control and format characters. */
export function requirePlainText(argument: string, value: string, min: number, max: number): string {
  const text = requireText(argument, value, min, max);
  if (CONTROL.test(text)) throw badUserInput(argument, `${argument} may not hold control or format characters`);
  return text;
}
