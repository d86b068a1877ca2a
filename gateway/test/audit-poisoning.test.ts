import { randomUUID } from 'node:crypto';
import { sql, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();

/** One POST with a raw body, as a hostile client would send it; the status and code it got. */
async function send(body: unknown, headers: Record<string, string>): Promise<{ status: number; code?: string }> {
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: json.errors?.[0]?.extensions?.code };
}

const LONG_NAME = `Q${'x'.repeat(300)}`;

// Every request's audit row goes to PostgreSQL in a group commit with the rows of the requests
// around it: a value one row cannot store must fail no other request, and is itself on record.
describe('one hostile request beside many normal ones', () => {
  it('fails no normal request, and the hostile attempts are audited', async () => {
    const normal = await asCaller('MEMBERSHIP', { sub: 'poison-bystander' });
    const allowed = await asCaller('MEMBERSHIP', { sub: 'poison-sender' });
    const poisoned: { requestId: string; kind: 'nul' | 'long' | 'nul-authenticated' }[] = [];
    const normalOutcomes: { status: number; code?: string }[] = [];

    const poisoner = async (kind: 'nul' | 'long' | 'nul-authenticated') => {
      for (let i = 0; i < 40; i += 1) {
        const requestId = randomUUID();
        poisoned.push({ requestId, kind });
        if (kind === 'nul') await send({ query: '{ __typename }', operationName: 'a\u0000b' }, { 'x-purpose-of-use': 'MEMBERSHIP', 'x-request-id': requestId });
        else if (kind === 'nul-authenticated') await send({ query: 'query A { __typename }', operationName: 'A\u0000\u0007' }, { ...allowed, 'x-request-id': requestId });
        else await send({ query: `query ${LONG_NAME} { __typename }`, operationName: LONG_NAME }, { ...allowed, 'x-request-id': requestId });
      }
    };
    const client = async () => {
      for (let i = 0; i < 40; i += 1) normalOutcomes.push(await send({ query: 'query Bystander { __typename }' }, normal));
    };
    await Promise.all([poisoner('nul'), poisoner('nul'), poisoner('long'), poisoner('nul-authenticated'), ...Array.from({ length: 8 }, client)]);

    const failed = normalOutcomes.filter((o) => o.status !== 200);
    expect({ failed: failed.length, of: normalOutcomes.length, codes: [...new Set(failed.map((f) => f.code))] }).toEqual({ failed: 0, of: 320, codes: [] });

    const rows = await sql<{ request_id: string; operation_name: string; decision: string; code: string | null }>(
      stack.adminUrl,
      'select request_id, operation_name, decision, code from audit.audit_record where request_id = any($1)',
      [poisoned.map((p) => p.requestId)],
    );
    const byId = new Map(rows.map((r) => [r.request_id, r]));
    expect(poisoned.filter((p) => !byId.has(p.requestId))).toEqual([]);
    for (const { requestId, kind } of poisoned) {
      const row = byId.get(requestId)!;
      // eslint-disable-next-line no-control-regex -- control characters are what must not be stored
      expect(row.operation_name).not.toMatch(/[\u0000-\u001f\u007f]/);
      if (kind === 'nul') expect(row).toMatchObject({ decision: 'REFUSED', code: 'UNAUTHENTICATED', operation_name: 'a\ufffdb' });
      if (kind === 'long') expect(row.operation_name).toHaveLength(200);
      if (kind === 'long') expect(row.operation_name.endsWith('…')).toBe(true);
    }
  }, 120_000);
});
