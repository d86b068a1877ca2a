import { calculateJwkThumbprint, createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWK, type JWSHeaderParameters } from 'jose';

export interface RemoteKeySetOptions {
  url: URL;
  /** The JWKS is fetched again this often, to learn keys the provider added and retired. */
  refreshMs: number;
  /** At least this long between two fetches a token under an unknown key asks for (a forger's random `kid`s fetch nothing more). */
  cooldownMs: number;
  /** One fetch's timeout. */
  timeoutMs?: number;
  /** Each fetch's outcome, for the metrics and the log. */
  onFetch?: (outcome: 'ok' | 'failed', reason?: string) => void;
  /** Keys (by kid, or thumbprint for a key without one) that were in the set and are no longer: a retirement. */
  onRetired?: (keys: ReadonlySet<string>) => void;
}

/** A JWKS larger than this is refused: the set of a provider's signing keys is a few kilobytes. */
const MAX_JWKS_BYTES = 512 * 1024;

/** The identity provider's keys could not be had: never fetched, or not at the last attempt and the token's key is not among the cached ones. */
export class KeySetUnavailable extends Error {}

/**
 * The identity provider's signing keys, fetched from its JWKS, kept and refreshed. jose's
 * `createLocalJWKSet` picks the key for a token (kid, kty, alg, use); this class decides when to
 * fetch. jose's `createRemoteJWKSet` does not serve here: once its cache is older than its max age
 * it fetches before every verification and throws when the fetch fails, so an unreachable JWKS
 * refuses tokens whose key it holds, and after a failed fetch its cooldown does not hold (it counts
 * from the last success), so a forger's unknown `kid`s would each fetch. Here a failed fetch keeps the
 * keys already held, and fetches on demand are at most one per cooldown whatever their outcome.
 */
export class RemoteKeySet {
  private local: ReturnType<typeof createLocalJWKSet> | undefined;
  /** The keys held, by RFC 7638 thumbprint (what a key is, whatever its kid says), with the name each is shown by. */
  private held = new Map<string, string>();
  private retirements = 0;
  private lastOnDemand = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: RemoteKeySetOptions) {
    void this.fetch();
    this.timer = setInterval(() => void this.fetch(), options.refreshMs);
    this.timer.unref();
  }

  /** Whether a set has been fetched at least once (readiness: before that no token can be verified). */
  get loaded(): boolean {
    return this.local !== undefined;
  }

  /** How many retirements the set has seen: a verification that began under another count may have used a key since retired. */
  get generation(): number {
    return this.retirements;
  }

  /** jose's key lookup for `jwtVerify`. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (!this.local) await this.fetchOnDemand();
    if (!this.local) throw new KeySetUnavailable("the identity provider's keys could not be fetched");
    try {
      return await this.local(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // A key the provider may have added since: fetch again, at most once a cooldown.
      if (!(await this.fetchOnDemand())) throw error;
      return this.local(header, token);
    }
  };

  close(): void {
    clearInterval(this.timer);
  }

  /** Fetches unless one was asked for within the cooldown; whether a fetch was made. */
  private async fetchOnDemand(): Promise<boolean> {
    if (this.pending) {
      await this.pending;
      return true;
    }
    const now = performance.now();
    if (now - this.lastOnDemand < this.options.cooldownMs) return false;
    this.lastOnDemand = now;
    await this.fetch();
    return true;
  }

  /** One fetch at a time; a failure keeps the keys held. */
  private fetch(): Promise<void> {
    this.pending ??= this.load()
      .then(async (jwks) => this.apply(jwks, await thumbprints(jwks)))
      .catch((error: unknown) => this.options.onFetch?.('failed', error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async load(): Promise<JSONWebKeySet> {
    const response = await fetch(this.options.url, {
      redirect: 'manual',
      headers: { accept: 'application/json, application/jwk-set+json' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`the JWKS answered ${response.status}`);
    }
    const text = await boundedText(response, MAX_JWKS_BYTES);
    const jwks = JSON.parse(text) as JSONWebKeySet;
    if (typeof jwks !== 'object' || jwks === null || !Array.isArray(jwks.keys)) throw new Error('the JWKS is not a JSON Web Key Set');
    // A provider never withdraws every key at once; a set with no signing key is a fault, not a rotation.
    if (!jwks.keys.some(isSigningKey)) throw new Error('the JWKS holds no signing key');
    return jwks;
  }

  private apply(jwks: JSONWebKeySet, keys: Map<string, string>): void {
    const next = createLocalJWKSet(jwks);
    const retired = new Set([...this.held].filter(([thumbprint]) => !keys.has(thumbprint)).map(([, shown]) => shown));
    this.local = next;
    this.held = keys;
    if (retired.size > 0) this.retirements++;
    this.options.onFetch?.('ok');
    if (retired.size > 0) this.options.onRetired?.(retired);
  }
}

const isSigningKey = (key: JWK) => typeof key === 'object' && key !== null && key.kty !== 'oct' && (key.use === undefined || key.use === 'sig');

/** The set's signing keys by thumbprint, each shown by its kid (or its thumbprint); a key jose cannot read is left out. */
async function thumbprints(jwks: JSONWebKeySet): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const key of jwks.keys.filter(isSigningKey)) {
    const thumbprint = await calculateJwkThumbprint(key).catch(() => undefined);
    if (thumbprint) keys.set(thumbprint, typeof key.kid === 'string' ? key.kid : thumbprint);
  }
  return keys;
}

/** A response's text, refused past `limit` bytes (a provider's answer is input too). */
async function boundedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new Error(`the JWKS is larger than ${limit} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return '';
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new Error(`the JWKS is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
