import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { createAuthenticator, type Authenticate } from '../../src/authentication/authenticator.js';

// The gateway keeps a verified client token until it expires: what an attacker would try against
// such a cache is a token past its expiry, a forged token that looks like a kept one, and a kept
// principal changed by one request for the next.
const ISSUER = 'test-issuer';
const AUDIENCE = 'mutual-graph';

async function keys() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), alg: 'EdDSA' } as JWK };
}

async function token(privateJwk: JWK, claims: { sub: string; purposes?: string[] }, expiresAt: number): Promise<string> {
  return new SignJWT({ roles: ['staff'], purposes: claims.purposes ?? ['MEMBERSHIP'] })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(await importJWK(privateJwk, 'EdDSA'));
}

describe('verified client tokens, kept until they expire', () => {
  let authenticate: Authenticate;
  let privateJwk: JWK;
  beforeAll(async () => {
    const pair = await keys();
    privateJwk = pair.privateJwk;
    authenticate = await createAuthenticator({ publicKey: pair.publicJwk, issuer: ISSUER, audience: AUDIENCE });
  });

  it('answers the same principal for the same token, and a token kept is refused once it has expired', async () => {
    const soon = await token(privateJwk, { sub: 'alice' }, Date.now() + 1500);
    const first = await authenticate(`Bearer ${soon}`);
    expect(await authenticate(`Bearer ${soon}`)).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await expect(authenticate(`Bearer ${soon}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token signed by another key, however like a kept one it looks (same claims), every time it is sent', async () => {
    const good = await token(privateJwk, { sub: 'bob' }, Date.now() + 60_000);
    await authenticate(`Bearer ${good}`);
    const forged = await token((await keys()).privateJwk, { sub: 'bob' }, Date.now() + 60_000);
    for (let i = 0; i < 2; i++) await expect(authenticate(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // A kept token with its signature cut off or altered is another text: verified afresh, and refused.
    const [header, payload] = good.split('.');
    await expect(authenticate(`Bearer ${header}.${payload}.`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps a principal no request can change for the next: its roles and purposes are frozen', async () => {
    const kept = await token(privateJwk, { sub: 'carol', purposes: ['MEMBERSHIP'] }, Date.now() + 60_000);
    const principal = await authenticate(`Bearer ${kept}`);
    expect(() => principal.purposes.push('PRIVACY_OFFICE')).toThrow(TypeError);
    expect(() => principal.roles.push('analyst')).toThrow(TypeError);
    expect((await authenticate(`Bearer ${kept}`)).purposes).toEqual(['MEMBERSHIP']);
  });
});
