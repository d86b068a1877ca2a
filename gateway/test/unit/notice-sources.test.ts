import type { GatewayNotice } from '@mutual-graph/platform';
import type { GatewayContext } from '../../src/context.js';
import { SubgraphDataSource } from '../../src/subgraph-data-source.js';

const notices: GatewayNotice[] = [
  { kind: 'member-practice', memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f', province: 'ON', specialty: 'PSYCHIATRY' },
  { kind: 'erasure', store: 'edi', memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f' },
  { kind: 'disclosure', memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f', categories: ['MEMBERSHIP'], description: 'x' },
];

async function received(subgraph: string): Promise<{ kept: string[]; left: unknown }> {
  const context = { notices: [], membersRead: new Set<string>(), requestId: 'test' } as unknown as GatewayContext;
  const response = { data: {}, extensions: { gatewayNotices: structuredClone(notices) } };
  await new SubgraphDataSource(subgraph, 'http://127.0.0.1:1/graphql').didReceiveResponse({ response, context } as never);
  return { kept: context.notices.map((n) => n.kind), left: response.extensions };
}

describe('notices the gateway acts on', () => {
  it('are taken only from the subgraph each kind belongs to, and never passed on to the client', async () => {
    expect(await received('member')).toEqual({ kept: ['member-practice', 'disclosure'], left: {} });
    expect(await received('privacy')).toEqual({ kept: ['erasure'], left: {} });
    // A case or education subgraph (compromised, or wrong) can neither write the EDI store's copy nor erase answers.
    expect((await received('case')).kept).toEqual([]);
    expect((await received('education')).kept).toEqual([]);
  });
});
