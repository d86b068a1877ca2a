import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { signInHeadless } from '@mutual-graph/identity-provider';
import { signIn, SignInError } from '@mutual-graph/sign-in';
import { startTestIdentityProvider, TEST_IDP_CONFIG, type TestIdentityProvider } from '../../../../test/support/identity-provider.js';

const [analyst] = TEST_IDP_CONFIG.accounts;

/** A browser that signs in as the given person and follows the provider back to the CLI's loopback callback. */
const headlessBrowser =
  (person: { username: string; password: string }, seen: URL[] = []) =>
  async (url: URL) => {
    seen.push(url);
    const callback = await signInHeadless({ authorizeUrl: url, username: person.username, password: person.password });
    seen.push(callback);
    // What the browser shows once the CLI has exchanged the code.
    void fetch(callback).then((r) => r.text());
  };

describe("the analyst's sign-in (authorization code, PKCE, loopback redirect)", () => {
  let provider: TestIdentityProvider;
  beforeAll(async () => {
    provider = await startTestIdentityProvider();
  });
  afterAll(() => provider?.close());

  it('returns an access token for the API with the purposes asked for, through a loopback callback on a port of its own', async () => {
    const seen: URL[] = [];
    const result = await signIn({ issuer: provider.issuer, clientId: 'sandbox', scope: 'purpose.EDI_REPORTING purpose.RISK_MANAGEMENT', openBrowser: headlessBrowser(analyst, seen) });
    const [authorize, callback] = seen;
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('openid purpose.EDI_REPORTING purpose.RISK_MANAGEMENT');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    expect(result).toMatchObject({ tokenType: 'bearer', scope: 'purpose.EDI_REPORTING purpose.RISK_MANAGEMENT' });
    expect(result.expiresIn).toBeGreaterThanOrEqual(298);
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 290_000);
    const { payload, protectedHeader } = await jwtVerify(result.accessToken, createRemoteJWKSet(new URL(provider.jwksUrl)), { issuer: provider.issuer, audience: 'api://mutual-graph' });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ sub: 'analyst', azp: 'sandbox', realm_access: { roles: ['analyst', 'purpose.EDI_REPORTING', 'purpose.RISK_MANAGEMENT'] } });
  });

  it('sends an explicit resource indicator when asked, and fails on one the provider does not serve', async () => {
    const result = await signIn({ issuer: provider.issuer, clientId: 'sandbox', resource: 'api://mutual-graph', openBrowser: headlessBrowser(analyst) });
    expect(result.scope).toBeUndefined();
    const seen: URL[] = [];
    await expect(
      signIn({
        issuer: provider.issuer,
        clientId: 'sandbox',
        resource: 'api://elsewhere',
        timeoutMs: 5000,
        openBrowser: async (url) => {
          seen.push(url);
          const answer = await fetch(url, { redirect: 'manual' });
          const back = new URL(answer.headers.get('location')!, url);
          seen.push(back);
          void fetch(back).then((r) => r.text());
        },
      }),
    ).rejects.toThrow(SignInError);
    expect(seen[1].searchParams.get('error')).toBe('invalid_target');
  });

  it('ignores a callback with another state and keeps waiting for its own', async () => {
    const result = await signIn({
      issuer: provider.issuer,
      clientId: 'sandbox',
      openBrowser: async (url) => {
        const forged = new URL(url.searchParams.get('redirect_uri')!);
        forged.search = new URLSearchParams({ code: 'forged', state: 'not-this-one' }).toString();
        expect((await fetch(forged)).status).toBe(400);
        await headlessBrowser(analyst)(url);
      },
    });
    expect(result.accessToken).toMatch(/^ey/);
  });

  it('refuses an http:// issuer that is not on this machine', async () => {
    await expect(signIn({ issuer: 'http://idp.example.org', clientId: 'sandbox', openBrowser: () => {} })).rejects.toThrow(/only on this machine/);
  });

  it('as a command prints only the token on stdout, and how to use it on stderr', async () => {
    const cli = spawn(
      process.execPath,
      [join(import.meta.dirname, '..', '..', 'dist', 'cli.js'), '--issuer', provider.issuer, '--client-id', 'sandbox', '--scope', 'purpose.RISK_MANAGEMENT', '--no-open'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const authorizeUrl = await new Promise<string>((resolve) =>
      cli.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /(http:\/\/\S+\/auth\?\S+)/.exec(stderr);
        if (match) resolve(match[1]);
      }),
    );
    void fetch(await signInHeadless({ authorizeUrl, username: analyst.username, password: analyst.password }));
    const code = await new Promise((resolve) => cli.once('exit', resolve));
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stderr).toContain('Authorization: Bearer');
    expect(stderr).toContain('X-Purpose-Of-Use: RISK_MANAGEMENT');
    expect(stderr).toMatch(/expires at/);
  });
});
