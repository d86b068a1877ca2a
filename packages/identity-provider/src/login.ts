import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { AccountConfig } from './configuration.js';

/** The largest login form body read. */
const MAX_FORM_BYTES = 8 * 1024;
/** Said for any failed sign-in, whichever of the two was wrong. */
const SIGN_IN_FAILED = 'Wrong username or password.';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether the two strings are equal, in time that depends on neither (both are hashed to the same length first). */
export function constantTimeEquals(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The account a username and password name, or undefined; an unknown username costs the same comparison as a known one. */
export function authenticate(accounts: readonly AccountConfig[], username: string, password: string): AccountConfig | undefined {
  const account = accounts.find((a) => constantTimeEquals(a.username, username));
  const matches = constantTimeEquals(account?.password ?? '\0 no account', password);
  return account && matches ? account : undefined;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientId: string, username = '', error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.4rem}.error{color:#a00}</style></head>
<body><h1>Sign in</h1><p>to <strong>${escapeHtml(clientId)}</strong> (development identity provider)</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Username <input name="username" autocomplete="username" required autofocus value="${escapeHtml(username)}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form></body></html>`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

/**
 * The provider's own login interaction at `/interaction/<uid>` (devInteractions are off): a form of
 * username and password; a wrong pair shows the form again with one message whichever part was
 * wrong. These clients are first party, so there is no consent page: a consent prompt (oidc-provider
 * asks one of native clients each time) is answered at once, and the grant holds exactly the requested
 * scopes the account may have (provider.ts, loadExistingGrant). Answers false when the path is not one of its own.
 */
export async function handleInteraction(provider: Provider, accounts: readonly AccountConfig[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://interaction').pathname;
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
  if (!match) return false;
  const [, uid, login] = match;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    send(res, 400, '<!doctype html><p>This sign-in has expired or was not started here. Start again from the application.</p>');
    return true;
  }
  if (details.uid !== uid) {
    send(res, 400, '<!doctype html><p>This sign-in does not match the one in progress. Start again from the application.</p>');
    return true;
  }
  const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
  if (details.prompt.name === 'consent') {
    await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
    return true;
  }
  if (!login || req.method !== 'POST') {
    send(res, 200, loginPage(uid, clientId));
    return true;
  }
  const form = await readForm(req);
  const username = form.get('username') ?? '';
  const account = authenticate(accounts, username, form.get('password') ?? '');
  if (!account) {
    send(res, 401, loginPage(uid, clientId, username, SIGN_IN_FAILED));
    return true;
  }
  // First-party clients: consent is implied with the login (see above).
  await provider.interactionFinished(req, res, { login: { accountId: account.username }, consent: {} }, { mergeWithLastSubmission: false });
  return true;
}
