import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { sql, testStack } from '../../test/support/stack.js';
import { tokenFor } from '../../test/support/tokens.js';

const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();

// A confirmation's disclosure is written with its audit record, in one commit, in the gateway's
// own audit store: no call to the privacy subgraph on the way, and confirmations that arrive together
// share their commits (the audit's group commit), each answered only with its own disclosure on record.
describe('disclosures of concurrent partner confirmations', () => {
  const stack = testStack();
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph();
  });
  afterAll(() => graph.stop());

  it("are all recorded, for the right partner and member, each with its own confirmation's record, and the privacy subgraph is not asked", async () => {
    const members = [...syntheticMembers(stack.seed)].slice(0, 30);
    const [hospital, clinic] = [`hospital-batch-${Date.now()}`, `clinic-batch-${Date.now()}`];
    const confirm = async (partnerId: string, minc: string) => {
      const response = await fetch(new URL('/partner/graphql', graph.gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor({ sub: partnerId, purposes: ['PARTNER_CONFIRMATION'], partnerId })}` },
        body: JSON.stringify({ query: CONFIRM, variables: { minc } }),
      });
      return (await response.json()) as { data?: { membershipConfirmation: { isMember: boolean } }; errors?: unknown[] };
    };
    graph.reset();
    const answers = await Promise.all(members.map((m, i) => confirm(i % 2 ? clinic : hospital, m.minc)));
    // Whatever the answer (a member then or not), every one is about a member on file: each is a disclosure.
    for (const answer of answers) expect(answer).toEqual({ data: { membershipConfirmation: expect.objectContaining({ isMember: expect.any(Boolean) }) } });
    expect(graph.requests.privacy).toBe(0);

    const recorded = await sql<{ recipient: string; member_id: string; subject: string }>(
      stack.ownerUrls.privacy,
      `select d.recipient, d.member_id, r.subject from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id where d.recipient = any($1)`,
      [[hospital, clinic]],
    );
    const expected = members.map((m, i) => ({ recipient: i % 2 ? clinic : hospital, member_id: m.id, subject: i % 2 ? clinic : hospital }));
    const order = (rows: { recipient: string; member_id: string }[]) => [...rows].sort((a, b) => `${a.recipient}${a.member_id}`.localeCompare(`${b.recipient}${b.member_id}`));
    expect(order(recorded)).toEqual(order(expected));
  });
});
