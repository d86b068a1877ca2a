import { hopVerifier } from '@mutual-graph/hop';
import { exportJWK, generateKeyPair } from 'jose';
import { gatewayContext } from '../../src/context.js';

// A subgraph reads its replica only when the hop token says the client asked a query: the
// gateway's fetches that complete a mutation's answer are queries at the subgraph, and must not.
const QUERY = 'query ($id: ID!) { member(id: $id) { firstName } }';
const VARIABLES = { id: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f' };
const PRINCIPAL = { sub: 'staff-1', roles: ['staff'], purposes: ['MEMBERSHIP' as const] };

async function keys() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateJwk: await exportJWK(privateKey), verify: await hopVerifier(await exportJWK(publicKey), 'member') };
}

describe("the client's operation in the gateway's hop tokens", () => {
  it('is absent until the operation is settled, then says what the client asked', async () => {
    const { privateJwk, verify } = await keys();
    const context = gatewayContext(privateJwk, PRINCIPAL, 'MEMBERSHIP', 'r-1');
    const sign = () => context.hopToken('member', QUERY, VARIABLES).then((token) => verify({ authorization: `Bearer ${token}`, query: QUERY, variables: VARIABLES }));
    expect((await sign()).clientOperation).toBeUndefined();
    context.settleOperation('query');
    expect((await sign()).clientOperation).toBe('query');
  });

  it('stays a write for the rest of a batch once one of its operations writes, whichever settles first', async () => {
    const { privateJwk, verify } = await keys();
    const context = gatewayContext(privateJwk, PRINCIPAL, 'MEMBERSHIP', 'r-2');
    // Apollo runs a batch's operations on shallow copies of one context: the claims are shared.
    const [first, second] = [{ ...context }, { ...context }];
    first.settleOperation('mutation');
    second.settleOperation('query');
    const token = await second.hopToken('member', QUERY, VARIABLES);
    expect((await verify({ authorization: `Bearer ${token}`, query: QUERY, variables: VARIABLES })).clientOperation).toBe('mutation');
    const effect = await second.effectToken('member', 'Mutation.recordDisclosure', QUERY, VARIABLES);
    expect((await verify({ authorization: `Bearer ${effect}`, query: QUERY, variables: VARIABLES })).clientOperation).toBe('mutation');
  });
});
