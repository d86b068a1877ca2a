import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createAuthenticator, type Authenticator } from '../../src/authentication/authenticator.js';
import { until as waitUntil } from '../../../test/support/until.js';

// The gateway's hold on an identity provider's keys, against a JWKS served over real HTTP: keys
// added while it runs, keys retired, a JWKS that cannot be reached, a forger's unknown keys, and
// tokens that try another algorithm. (The real provider, oidc-provider, is in gateway/test/oidc-*.)
const ISSUER = 'https://idp.test';
const AUDIENCE = 'api://mutual-graph';

interface SigningKey {
  kid: string | undefined;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** An RS256 key pair; `kid: null` gives a key the JWKS publishes without a kid. */
async function signingKey(kid: string | null = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), alg: 'RS256', use: 'sig', ...(kid === null ? {} : { kid }) };
  return { kid: kid ?? undefined, privateKey, publicJwk };
}

const sign = (key: SigningKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
  new SignJWT({
    sub: `s-${randomUUID()}`,
    iss: ISSUER,
    aud: AUDIENCE,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 300,
    roles: ['staff'],
    purposes: ['MEMBERSHIP'],
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', ...(key.kid === undefined ? {} : { kid: key.kid }), typ: 'at+jwt', ...header })
    .sign(key.privateKey);

/** A JWKS endpoint whose keys the test sets, counting the fetches it answers. */
class JwksEndpoint {
  keys: JWK[] = [];
  body: string | undefined;
  /** Answers in the test's stead (to hold an answer back). */
  handler: ((response: import('node:http').ServerResponse, body: string) => void) | undefined;
  status = 200;
  fetches = 0;
  private server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((_request, response) => {
      this.fetches++;
      const body = this.body ?? JSON.stringify({ keys: this.keys });
      if (this.handler) return this.handler(response, body);
      response.writeHead(this.status, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/jwks`;
  }
}

const opened: { authenticator?: Authenticator; endpoint?: JwksEndpoint }[] = [];
afterEach(async () => {
  for (const { authenticator, endpoint } of opened.splice(0)) {
    authenticator?.close();
    await endpoint?.stop();
  }
});

async function provider(keys: SigningKey[], options: { refreshMs?: number; cooldownMs?: number; tokenType?: string } = {}) {
  const endpoint = await new JwksEndpoint().start();
  endpoint.keys = keys.map((k) => k.publicJwk);
  const authenticator = await createAuthenticator({
    jwksUrl: endpoint.url,
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksRefreshMs: options.refreshMs ?? 60_000,
    jwksCooldownMs: options.cooldownMs ?? 60_000,
    ...(options.tokenType ? { tokenType: options.tokenType } : {}),
  });
  opened.push({ authenticator, endpoint });
  await until(() => authenticator.ready());
  return { endpoint, authenticator };
}

/** Waits until `condition` holds (test/support/until.ts, polling a synchronous check). */
const until = (condition: () => boolean, timeoutMs = 5000) =>
  waitUntil(
    'the condition',
    () => Promise.resolve(condition()),
    (holds) => holds,
    timeoutMs,
  ).then(() => undefined);

const refusal = async (authenticator: Authenticator, token: string) => {
  try {
    await authenticator(`Bearer ${token}`);
  } catch (error) {
    const { extensions, message } = error as { extensions?: { code?: string }; message: string };
    return { code: extensions?.code, message };
  }
  return { code: 'accepted', message: '' };
};

describe("the identity provider's keys, while the gateway runs", () => {
  it('accepts a token under a key the provider added since, by fetching the JWKS again on its unknown kid', async () => {
    const [a, b] = [await signingKey(), await signingKey()];
    const { endpoint, authenticator } = await provider([a]);
    expect((await authenticator(`Bearer ${await sign(a)}`)).roles).toEqual(['staff']);
    expect(endpoint.fetches).toBe(1);
    endpoint.keys = [b, a].map((k) => k.publicJwk);
    expect((await authenticator(`Bearer ${await sign(b)}`)).roles).toEqual(['staff']);
    expect(await refusal(authenticator, await sign(a))).toEqual({ code: 'accepted', message: '' });
    expect(endpoint.fetches).toBe(2);
  });

  it("fetches at most once a cooldown for a forger's unknown kids, and refuses every one of them", async () => {
    const a = await signingKey();
    const { endpoint, authenticator } = await provider([a]);
    const forger = await signingKey();
    const results = await Promise.all(Array.from({ length: 40 }, async () => refusal(authenticator, await sign({ ...forger, kid: randomUUID() }))));
    expect(new Set(results.map((r) => r.code))).toEqual(new Set(['UNAUTHENTICATED']));
    // One at start, one for the first unknown kid; the other 39 waited for that one or were refused at once.
    expect(endpoint.fetches).toBe(2);
    // A token of the provider's own still passes.
    expect((await refusal(authenticator, await sign(a))).code).toBe('accepted');
  });

  it('refuses tokens under a retired key once a refresh finds it gone, those already verified and kept too', async () => {
    const [a, b] = [await signingKey(), await signingKey()];
    const { endpoint, authenticator } = await provider([b, a], { refreshMs: 150 });
    const kept = await sign(a);
    await authenticator(`Bearer ${kept}`);
    const underB = await sign(b);
    await authenticator(`Bearer ${underB}`);
    endpoint.keys = [b.publicJwk];
    const fetched = endpoint.fetches;
    await until(() => endpoint.fetches > fetched + 1);
    expect(await refusal(authenticator, kept)).toEqual({ code: 'UNAUTHENTICATED', message: 'the token is not valid' });
    expect(await refusal(authenticator, await sign(a))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await refusal(authenticator, underB)).code).toBe('accepted');
  });

  it('keeps serving tokens whose key it holds when the JWKS cannot be reached, and refuses others as UNAUTHENTICATED', async () => {
    const [a, c] = [await signingKey(), await signingKey()];
    const { endpoint, authenticator } = await provider([a], { refreshMs: 100, cooldownMs: 0 });
    await endpoint.stop();
    // Refreshes fail meanwhile: the keys held stay.
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await refusal(authenticator, await sign(a))).code).toBe('accepted');
    expect(await refusal(authenticator, await sign(c))).toEqual({ code: 'UNAUTHENTICATED', message: 'the token is not valid' });
  });

  it('keeps its keys when the JWKS answers an error, something that is no key set, or a set too large to be one', async () => {
    const [a] = [await signingKey()];
    const { endpoint, authenticator } = await provider([a], { refreshMs: 60 });
    for (const [status, body] of [
      [500, '{"error":"down"}'],
      [200, '<html>maintenance</html>'],
      [200, '{"keys":"none"}'],
      [200, JSON.stringify({ keys: [a.publicJwk], padding: 'x'.repeat(600 * 1024) })],
    ] as const) {
      endpoint.status = status;
      endpoint.body = body;
      const fetched = endpoint.fetches;
      await until(() => endpoint.fetches > fetched + 1);
      expect((await refusal(authenticator, await sign(a))).code).toBe('accepted');
    }
  });

  it('keeps none of the tokens whose verification was under way when their key was retired', async () => {
    const [old, next] = [await signingKey('old'), await signingKey('new')];
    const { endpoint, authenticator } = await provider([old, next], { cooldownMs: 0 });
    const tokens = await Promise.all(Array.from({ length: 200 }, () => sign(old)));
    // The JWKS answer that retires the old key is held back while the tokens are being verified, then let go.
    let release: (() => void) | undefined;
    endpoint.keys = [next.publicJwk];
    endpoint.handler = (response, body) => {
      release = () => response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    };
    const retiring = refusal(authenticator, await sign(await signingKey('unknown')));
    await until(() => release !== undefined);
    const verifying = Promise.all(tokens.map((token) => refusal(authenticator, token)));
    release!();
    endpoint.handler = undefined;
    await Promise.all([retiring, verifying]);
    const after = await Promise.all(tokens.map((token) => refusal(authenticator, token)));
    expect(after.filter((r) => r.code === 'accepted')).toHaveLength(0);
  });

  it('retires a key by what it is, not by its kid: a key without a kid, or new material under an old kid', async () => {
    for (const [before, after] of [
      [await signingKey(null), await signingKey(null)],
      [await signingKey('k1'), await signingKey('k1')],
    ]) {
      const { endpoint, authenticator } = await provider([before], { refreshMs: 100 });
      const kept = await sign(before);
      expect((await refusal(authenticator, kept)).code).toBe('accepted');
      endpoint.keys = [after.publicJwk];
      const fetched = endpoint.fetches;
      await until(() => endpoint.fetches > fetched + 1);
      expect((await refusal(authenticator, kept)).code).toBe('UNAUTHENTICATED');
      expect((await refusal(authenticator, await sign(after))).code).toBe('accepted');
    }
  });

  it('keeps its keys when the JWKS turns empty: a provider withdraws no key it has not replaced', async () => {
    const a = await signingKey();
    const { endpoint, authenticator } = await provider([a], { refreshMs: 60 });
    for (const keys of [[], [{ kty: 'oct', k: 'c2VjcmV0', kid: 'shared' }], [{ ...a.publicJwk, use: 'enc' }]] as JWK[][]) {
      endpoint.keys = keys;
      const fetched = endpoint.fetches;
      await until(() => endpoint.fetches > fetched + 1);
      expect((await refusal(authenticator, await sign(a))).code).toBe('accepted');
    }
  });

  it('refuses every token as UNAUTHENTICATED until the JWKS has been fetched once, then accepts them', async () => {
    const a = await signingKey();
    const endpoint = new JwksEndpoint();
    await endpoint.start();
    const port = endpoint.port;
    await endpoint.stop();
    const authenticator = await createAuthenticator({ jwksUrl: `http://127.0.0.1:${port}/jwks`, issuer: ISSUER, audience: AUDIENCE, jwksRefreshMs: 60_000, jwksCooldownMs: 200 });
    opened.push({ authenticator });
    expect(await refusal(authenticator, await sign(a))).toEqual({ code: 'UNAUTHENTICATED', message: 'the token cannot be verified now: try again shortly' });
    expect(authenticator.ready()).toBe(false);
    endpoint.keys = [a.publicJwk];
    await endpoint.start(port);
    opened.push({ endpoint });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await refusal(authenticator, await sign(a))).code).toBe('accepted');
    expect(authenticator.ready()).toBe(true);
  });
});

describe('tokens that try another way past the signature', () => {
  it('refuses alg none, an HMAC keyed with the public key, the wrong issuer, audience or typ', async () => {
    const a = await signingKey();
    const { authenticator } = await provider([a], { tokenType: 'at+jwt' });
    const claims = { sub: 'mallory', iss: ISSUER, aud: AUDIENCE, roles: ['staff'], purposes: ['PRIVACY_OFFICE'], exp: Math.floor(Date.now() / 1000) + 300 };
    const kid = a.kid!;
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    const none = `${encode({ alg: 'none', kid, typ: 'at+jwt' })}.${encode(claims)}.`;
    const hmacKey = new TextEncoder().encode(JSON.stringify(a.publicJwk));
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' }).sign(hmacKey);
    for (const token of [
      none,
      hmac,
      await sign(a, { iss: 'https://other-idp.test' }),
      await sign(a, { aud: 'api://another-api' }),
      await sign(a, {}, { typ: 'JWT' }),
      await sign(a, { exp: Math.floor(Date.now() / 1000) - 60 }),
      // No expiry: it would be good for ever.
      await sign(a, { exp: undefined }),
      // The provider's kid, another key's signature.
      await sign({ ...(await signingKey()), kid }),
    ])
      expect((await refusal(authenticator, token)).code).toBe('UNAUTHENTICATED');
  });
});
