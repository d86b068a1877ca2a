import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';

/** How long the sign-in waits for the browser to come back (default). */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** Hosts an `http://` issuer may have: this machine only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface SignInOptions {
  issuer: string | URL;
  clientId: string;
  /** Scopes beside `openid`, e.g. `purpose.EDI_REPORTING purpose.RISK_MANAGEMENT`. */
  scope?: string;
  /** The resource indicator (RFC 8707) to ask a token for; the provider's default when absent. */
  resource?: string;
  /** Sends the person to the authorization URL (a browser; a test signs in headless). */
  openBrowser(url: URL): void | Promise<void>;
  timeoutMs?: number;
}

export interface SignInResult {
  accessToken: string;
  tokenType: string;
  /** Seconds the access token is valid for, as the provider said. */
  expiresIn?: number;
  /** When it expires, from `expiresIn`. */
  expiresAt?: Date;
  /** The scopes granted, as the provider said. */
  scope?: string;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font:16px system-ui,sans-serif;margin:4rem auto;max-width:30rem"><h1>${title}</h1><p>${text}</p></body></html>`,
  );
}

/**
 * An analyst's sign-in as a native application (RFC 8252): discovery, then the authorization code
 * flow with PKCE (S256) and a loopback redirect, `http://127.0.0.1:<free port>/callback`, state
 * checked; the code is exchanged before the browser is told it may close the tab.
 */
export async function signIn(options: SignInOptions): Promise<SignInResult> {
  const issuer = new URL(options.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOOPBACK_HOSTS.has(issuer.hostname)) throw new SignInError(`an http:// issuer is allowed only on this machine (localhost, 127.0.0.1), not ${issuer.host}`);
  const config = await oidc.discovery(issuer, options.clientId, undefined, oidc.None(), insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);

  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const scope = ['openid', ...(options.scope ?? '').split(/[\s,]+/).filter(Boolean)].join(' ');
  const resource: Record<string, string> = options.resource ? { resource: options.resource } : {};

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  try {
    const result = new Promise<SignInResult>((resolve, reject) => {
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        if (url.pathname !== '/callback') return page(res, 404, 'Not found', 'This address only takes the sign-in callback.');
        if (url.searchParams.get('state') !== state) return page(res, 400, 'Not this sign-in', 'This answer is not for the sign-in in progress; it was ignored.');
        oidc
          .authorizationCodeGrant(config, url, { pkceCodeVerifier: verifier, expectedState: state }, resource)
          .then((tokens) => {
            page(res, 200, 'Signed in', 'You may close this tab and return to the terminal.');
            const expiresIn = tokens.expiresIn();
            resolve({
              accessToken: tokens.access_token,
              tokenType: tokens.token_type,
              expiresIn,
              expiresAt: expiresIn === undefined ? undefined : new Date(Date.now() + expiresIn * 1000),
              scope: tokens.scope || undefined,
            });
          })
          .catch((error: Error) => {
            page(res, 400, 'Not signed in', 'The identity provider did not sign you in; the terminal says why.');
            reject(new SignInError(`sign-in failed: ${error.message}`));
          });
      });
    });
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...resource,
    });
    await options.openBrowser(authorizationUrl);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SignInError('no answer from the browser in time')), options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS);
    });
    try {
      return await Promise.race([result, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
