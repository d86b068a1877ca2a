import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationHash, PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { formatMinc } from '@mutual-graph/domain-codes';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { testStack, type GraphQLBody } from '../../test/support/stack.js';
import { tokenFor } from '../../test/support/tokens.js';

const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();

describe('a confirmation whose disclosure cannot be recorded', () => {
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph();
    // The privacy subgraph, which keeps the disclosure log, goes away.
    await graph.subgraphs.find((s) => s.name === 'privacy')!.stop();
  });
  afterAll(async () => {
    await graph.gateway.stop();
    await Promise.all(graph.subgraphs.filter((s) => s.name !== 'privacy').map((s) => s.stop()));
  });

  it('is not answered: the partner learns nothing that is not on record', async () => {
    const member = [...syntheticMembers(testStack().seed)].find((m) => m.status === 'ACTIVE')!;
    const response = await fetch(new URL('/partner/graphql', graph.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor({ purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-9' })}` },
      body: JSON.stringify({ variables: { minc: member.minc }, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(CONFIRM) } } }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as GraphQLBody;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('DISCLOSURE_NOT_RECORDED');
    expect(JSON.stringify(body)).not.toContain('isMember');
  });

  it("is not answered either when the number is no member's: an outage tells nothing about who is a member", async () => {
    const response = await fetch(new URL('/partner/graphql', graph.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor({ purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-9' })}` },
      body: JSON.stringify({ variables: { minc: formatMinc('9999996') }, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(CONFIRM) } } }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as GraphQLBody).errors?.[0].extensions?.code).toBe('DISCLOSURE_NOT_RECORDED');
  });
});
