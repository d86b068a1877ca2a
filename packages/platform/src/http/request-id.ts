import { randomUUID } from 'node:crypto';

/**
 * The request id: one value that follows a request through the gateway, into every subgraph it
 * calls and into the audit record, so that one request can be found in every log. Everything about
 * it (the header, what an incoming one may be, how it is cut, what a part of a request is called)
 * is decided here, after Hive Gateway's `useRequestId`; callers derive, derive a part, forward or log.
 */

/** The header the id travels in, in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The longest id kept: the audit record's column holds 64 characters. */
export const MAX_REQUEST_ID_LENGTH = 64;

/** What a caller's id may be: letters, digits, `_` and `-`, 1 to 64 of them. Anything else is replaced. */
const ACCEPTED = /^[\w-]{1,64}$/;

/** The id of an incoming request: the caller's, when it is an acceptable one; a new UUID otherwise. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : randomUUID();
}

/**
 * The id of one part of a request (an operation of a batch, a gathering of an access report):
 * the request's id, cut so the part's name always fits, then `-<part>`.
 */
export function partRequestId(requestId: string, part: string | number): string {
  const suffix = `-${part}`.slice(0, MAX_REQUEST_ID_LENGTH - 1);
  return `${requestId.slice(0, MAX_REQUEST_ID_LENGTH - suffix.length)}${suffix}`;
}

/** The header that forwards a request's id to a subgraph; none when there is no id. */
export function requestIdHeader(requestId: string | undefined): Record<string, string> {
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}

/** The request id as a log line names it, for a context that may be the gateway's or a subgraph's (from the hop). */
export function requestIdOf(context: { requestId?: string; hop?: { requestId?: string } } | undefined): string | undefined {
  return context?.requestId ?? context?.hop?.requestId;
}
