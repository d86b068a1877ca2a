import { createHmac, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { bindRequest, hopVerifier, signHop } from '../../src/index.js';

// What a holder of the traffic, or of another key, would try against a hop token: a token signed by
// another key, one with its payload changed, one that names no algorithm or another one, and one past
// its expiry. Each is refused as `invalid` before anything else is looked at.
const QUERY = 'query ($id: ID!) { member(id: $id) { firstName } }';
const VARIABLES = { id: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f' };
const CLAIMS = { principal: { sub: 'staff-1', roles: ['staff'], purposes: ['MEMBERSHIP' as const] }, purpose: 'MEMBERSHIP' as const, requestId: 'r-1' };

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }), privateKey };
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('a hop token', () => {
  const gateway = pair();
  const request = (token: string) => ({ authorization: `Bearer ${token}`, query: QUERY, variables: VARIABLES });
  const reasons: string[] = [];
  const hmacWithPublicKey = (payload: string) => {
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const secret = createPublicKey({ key: gateway.publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    return `${head}.${payload}.${createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url')}`;
  };
  const verifier = hopVerifier(gateway.publicJwk, 'member', (reason) => reasons.push(reason));

  it('signed by the gateway for this request at this subgraph is answered, with the claims it carries', async () => {
    const token = await signHop(gateway.privateJwk, CLAIMS, bindRequest('member', QUERY, VARIABLES));
    expect(await (await verifier)(request(token))).toEqual({ principal: CLAIMS.principal, purpose: 'MEMBERSHIP', requestId: 'r-1' });
  });

  it("carries what the client's operation is, and nothing it does not recognise as one", async () => {
    const verify = await verifier;
    const mutation = await signHop(gateway.privateJwk, { ...CLAIMS, clientOperation: 'mutation' }, bindRequest('member', QUERY, VARIABLES));
    expect((await verify(request(mutation))).clientOperation).toBe('mutation');
    const other = await signHop(gateway.privateJwk, { ...CLAIMS, clientOperation: 'upsert' as never }, bindRequest('member', QUERY, VARIABLES));
    expect((await verify(request(other))).clientOperation).toBeUndefined();
  });

  it('signed by another key, changed in its payload, unsigned or under another algorithm is refused as invalid', async () => {
    const verify = await verifier;
    const genuine = await signHop(gateway.privateJwk, CLAIMS, bindRequest('member', QUERY, VARIABLES));
    const [header, payload] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const other = pair();
    const forgeries = [
      await signHop(other.privateJwk, CLAIMS, bindRequest('member', QUERY, VARIABLES)),
      `${header}.${b64({ ...claims, purpose: 'PRIVACY_OFFICE' })}.${genuine.split('.')[2]}`,
      `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      // An HMAC keyed with the gateway's public key, which anyone may have: the classic confusion.
      hmacWithPublicKey(payload),
      `${header}.${payload}`,
    ];
    reasons.length = 0;
    for (const token of forgeries) await expect(verify(request(token))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(reasons).toEqual(forgeries.map(() => 'invalid'));
  });

  it('is refused once expired, and when it names another issuer', async () => {
    const verify = await verifier;
    const now = Math.floor(Date.now() / 1000);
    const base = { ...CLAIMS.principal, purpose: 'MEMBERSHIP', rid: 'r', op: bindRequest('member', QUERY, VARIABLES).operation, aud: 'member', jti: 'j-1' };
    const signed = (payload: Record<string, unknown>) => {
      const head = b64({ alg: 'EdDSA', typ: 'JWT' });
      const body = b64(payload);
      return `${head}.${body}.${sign(null, Buffer.from(`${head}.${body}`), gateway.privateKey).toString('base64url')}`;
    };
    reasons.length = 0;
    await expect(verify(request(signed({ ...base, iss: 'mutual-graph-gateway', iat: now - 120, exp: now - 60 })))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify(request(signed({ ...base, jti: 'j-2', iss: 'someone-else', iat: now, exp: now + 60 })))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(reasons).toEqual(['invalid', 'invalid']);
    // The same, properly issued, is answered: the refusals were for the expiry and the issuer.
    expect(await verify(request(signed({ ...base, jti: 'j-3', iss: 'mutual-graph-gateway', iat: now, exp: now + 60 })))).toMatchObject({ purpose: 'MEMBERSHIP' });
  });
});
