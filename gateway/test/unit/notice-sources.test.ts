import type { GatewayNotice } from '@mutual-graph/platform';
import type { GatewayContext } from '../../src/context.js';
import { SubgraphDataSource } from '../../src/subgraph-data-source.js';

const notices = [
  // Kinds that are no notices now (they go to the sources' outboxes): a subgraph that sends one is not heard.
  { kind: 'member-practice', memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f', province: 'ON', specialty: 'PSYCHIATRY' },
  { kind: 'erasure', store: 'edi', memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f' },
  { kind: 'disclosure', memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f', categories: ['MEMBERSHIP'], description: 'x' },
] as unknown as GatewayNotice[];

function received(subgraph: string): { kept: string[]; left: unknown } {
  const context = { notices: [], membersRead: new Set<string>(), requestId: 'test' } as unknown as GatewayContext;
  const response = { data: {}, extensions: { gatewayNotices: structuredClone(notices) } };
  new SubgraphDataSource(subgraph, 'http://127.0.0.1:1/graphql').didReceiveResponse({ response, context });
  return { kept: context.notices.map((n) => n.kind), left: response.extensions };
}

describe('notices the gateway acts on', () => {
  it('are taken only from the subgraph each kind belongs to, and never passed on to the client', () => {
    expect(received('member')).toEqual({ kept: ['disclosure'], left: {} });
    // A case, education or privacy subgraph (compromised, or wrong) cannot have a disclosure recorded, nor ask for an effect.
    expect(received('privacy')).toEqual({ kept: [], left: {} });
    expect(received('case').kept).toEqual([]);
    expect(received('education').kept).toEqual([]);
  });
});
