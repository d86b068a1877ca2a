import { describe, expect, it } from '@jest/globals';
import { MAX_REQUEST_ID_LENGTH, partRequestId, REQUEST_ID_HEADER, requestIdFrom, requestIdHeader, requestIdOf } from '../src/http/request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the request id', () => {
  it("keeps the caller's id when it is letters, digits, _ and - up to 64 characters", () => {
    expect(requestIdFrom('batch-1a2b_3')).toBe('batch-1a2b_3');
    expect(requestIdFrom('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('makes a new UUID when the header is absent, empty, too long, repeated or has other characters', () => {
    for (const header of [undefined, '', 'a'.repeat(65), ['one', 'two'], 'a b', 'a\u0000b', "x'; drop table"]) expect(requestIdFrom(header)).toMatch(UUID);
  });

  it('names a part of a request after it, cutting the request id so the part always fits in 64 characters', () => {
    expect(partRequestId('batch-1', 2)).toBe('batch-1-2');
    const long = partRequestId('a'.repeat(64), 'record');
    expect(long).toBe(`${'a'.repeat(57)}-record`);
    expect(long).toHaveLength(MAX_REQUEST_ID_LENGTH);
    expect(requestIdFrom(partRequestId(requestIdFrom(undefined), 10))).toMatch(/-10$/);
  });

  it('is forwarded in x-request-id, and not at all when there is none', () => {
    expect(requestIdHeader('r-1')).toEqual({ [REQUEST_ID_HEADER]: 'r-1' });
    expect(REQUEST_ID_HEADER).toBe('x-request-id');
    expect(requestIdHeader(undefined)).toEqual({});
  });

  it("is logged from the gateway's context, or from a subgraph's hop", () => {
    expect(requestIdOf({ requestId: 'g' })).toBe('g');
    expect(requestIdOf({ hop: { requestId: 'h' } })).toBe('h');
    expect(requestIdOf(undefined)).toBeUndefined();
  });
});
