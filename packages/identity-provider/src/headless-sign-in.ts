/** At most this many redirects and pages in one sign-in. */
const MAX_STEPS = 12;

/** Cookies by name, as a browser would keep them for one site (paths ignored: a sign-in is short). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expires = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('expires='));
      if (!value || (expires && Date.parse(expires.slice(8)) <= Date.now())) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export class HeadlessSignInError extends Error {
  override name = 'HeadlessSignInError';
}

/**
 * Signs in at the development identity provider the way a person at a browser would, over plain
 * HTTP (for tests): follows the authorization request's redirects with a cookie jar, fills in the
 * login form, and returns the first redirect that leaves the provider: the client's callback, with
 * `code` and `state` (or `error`). A refused username or password is a HeadlessSignInError.
 */
export async function signInHeadless(options: { authorizeUrl: string | URL; username: string; password: string }): Promise<URL> {
  const provider = new URL(options.authorizeUrl).origin;
  const jar = new CookieJar();
  let url = new URL(options.authorizeUrl);
  let init: RequestInit = { method: 'GET' };
  let submitted = false;
  for (let step = 0; step < MAX_STEPS; step++) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      if (url.origin !== provider) return url;
      init = { method: 'GET' };
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (response.status === 401 && submitted) throw new HeadlessSignInError('the identity provider refused the username or password');
    if (!response.ok || !action || submitted) throw new HeadlessSignInError(`unexpected answer from ${url.pathname}: ${response.status} ${page.slice(0, 200)}`);
    url = new URL(
      action.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
      url,
    );
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: options.username, password: options.password }).toString(),
    };
    submitted = true;
  }
  throw new HeadlessSignInError(`no redirect back to the client after ${MAX_STEPS} steps`);
}
