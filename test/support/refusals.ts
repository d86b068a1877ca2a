import type { GraphQLResponse } from './stack.js';

/** A refused operation: no data, 403, FORBIDDEN with the contract's rule. */
export function expectRefused(response: GraphQLResponse<unknown>, rule: string): void {
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe(rule);
  expect(response.status).toBe(403);
}
