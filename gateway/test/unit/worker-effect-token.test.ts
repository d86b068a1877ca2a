import { hopVerifier } from '@mutual-graph/hop';
import { exportJWK, generateKeyPair } from 'jose';
import { EFFECTS_WORKER_SUBJECT, workerEffectTokens } from '../../src/effects/worker.js';
import { SYNC_PROTECTION_PERIODS } from '../../src/effects/operations.js';

// The text the worker signs and sends: the generated document as a string.
const QUERY = String(SYNC_PROTECTION_PERIODS.query);

describe("the effects worker's token for a job", () => {
  it('names the worker as who calls, the originating request and purpose, the one effect field, and is good for that call alone', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const sign = workerEffectTokens(await exportJWK(privateKey), { requestId: 'req-42', purpose: 'MEMBERSHIP' });
    const variables = { memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f', periods: [] };
    const token = await sign('case', SYNC_PROTECTION_PERIODS.field, QUERY, variables);
    const verify = await hopVerifier(await exportJWK(publicKey), 'case');
    await expect(verify({ authorization: `Bearer ${token}`, query: QUERY, variables: { ...variables, periods: [{}] } })).rejects.toThrow(/another request/);
    expect(await verify({ authorization: `Bearer ${token}`, query: QUERY, variables })).toEqual({
      principal: { sub: EFFECTS_WORKER_SUBJECT, roles: [], purposes: ['MEMBERSHIP'] },
      purpose: 'MEMBERSHIP',
      requestId: 'req-42',
      effect: 'Mutation.syncProtectionPeriods',
    });
    await expect((await hopVerifier(await exportJWK(publicKey), 'member'))({ authorization: `Bearer ${token}`, query: QUERY, variables })).rejects.toThrow(/not valid here/);
  });
});
