import { unauthenticated } from '@mutual-graph/policy';
import { bearerToken, type Principal } from '@mutual-graph/hop';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import { CLAIM_PRESETS, principalFrom, type ClaimMapping } from './claim-mapping.js';
import { KeySetUnavailable, RemoteKeySet } from './remote-key-set.js';

export interface AuthenticationConfig {
  /** Production: the identity provider's JWKS address. */
  jwksUrl?: string;
  /** Development: one public key (JWK), the one `npm run token` signs with. */
  publicKey?: JWK;
  issuer: string;
  audience: string;
  /** Where the token carries roles, purposes, member and partner (default: the contract's names). */
  claims?: ClaimMapping;
  /** The JOSE header `typ` every token must have (`at+jwt`, RFC 9068), when the provider sets one for access tokens alone. */
  tokenType?: string;
  /** Signature algorithms accepted (default ASYMMETRIC_ALGORITHMS; never `none`, never a shared secret). */
  algorithms?: string[];
  /** JWKS refetch period and on-demand cooldown (defaults 300 s and 30 s). */
  jwksRefreshMs?: number;
  jwksCooldownMs?: number;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

export interface Authenticator extends Authenticate {
  /** Whether tokens can be verified at all (a JWKS fetched at least once). */
  ready(): boolean;
  close(): void;
}

/** Every asymmetric JWS algorithm jose verifies; HMAC is left out, as a public key must never serve as a shared secret. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Verified tokens kept at most: a client sends the same token with every request until it expires. */
const VERIFIED_TOKENS = 10_000;
/** A verified token is trusted again without its signature checked for at most this long, and never past its expiry. */
const VERIFIED_FOR_MS = 5 * 60_000;

export interface AuthenticationEvents {
  jwksFetched?: (outcome: 'ok' | 'failed', reason?: string) => void;
  keysRetired?: (keys: ReadonlySet<string>, tokensDropped: number) => void;
  refused?: (reason: string) => void;
}

/**
 * Verifies `Authorization: Bearer <JWT>` with jose (signature, issuer, audience, expiry, algorithm,
 * `typ`) and maps the provider's claims onto the contract's principal (claim-mapping.ts). No token,
 * a bad signature, an expired token or a key that cannot be had is UNAUTHENTICATED. A token verified
 * once is kept, by its exact text, until it expires (at most VERIFIED_FOR_MS): the same token again
 * is the same principal without its signature checked again; a token refused is not kept. When a key
 * leaves the provider's JWKS, every token kept is dropped, and a verification under way is done again.
 */
export async function createAuthenticator(config: AuthenticationConfig, events: AuthenticationEvents = {}): Promise<Authenticator> {
  const verified = new LRUCache<string, Principal>({ max: VERIFIED_TOKENS });
  const keySet = config.jwksUrl
    ? new RemoteKeySet({
        url: new URL(config.jwksUrl),
        refreshMs: config.jwksRefreshMs ?? 300_000,
        cooldownMs: config.jwksCooldownMs ?? 30_000,
        onFetch: events.jwksFetched,
        // A key left the set: every token kept is verified afresh (retirements are rare; which key verified a kept
        // token is not known for certain, as kids may be absent or reused).
        onRetired: (keys) => {
          const dropped = verified.size;
          verified.clear();
          events.keysRetired?.(keys, dropped);
        },
      })
    : undefined;
  const publicKey = config.publicKey ? await importJWK(config.publicKey, config.publicKey.alg ?? 'EdDSA') : undefined;
  const key = keySet?.getKey ?? publicKey;
  if (!key) throw new Error('authentication needs a JWKS address or a public key');
  const algorithms = config.algorithms ?? (config.publicKey ? [config.publicKey.alg ?? 'EdDSA'] : ASYMMETRIC_ALGORITHMS);
  const mapping = config.claims ?? CLAIM_PRESETS.contract;
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms,
    // A token without an expiry would be good for ever.
    requiredClaims: ['exp', 'sub'],
    ...(config.tokenType ? { typ: config.tokenType } : {}),
  };
  const refuse = (reason: string, message: string) => {
    events.refused?.(reason);
    return unauthenticated(message);
  };

  const authenticate = async (authorization: string | undefined): Promise<Principal> => {
    const token = bearerToken(authorization);
    if (!token) throw refuse('missing', 'an Authorization: Bearer token is required');
    const known = verified.get(token);
    if (known) return known;
    let payload;
    try {
      // A verification that a retirement overtook may have used the key retired: it is done again, under the set now held.
      for (let attempt = 0; ; attempt++) {
        const generation = keySet?.generation;
        ({ payload } = await jwtVerify(token, key as never, options));
        if (keySet?.generation === generation) break;
        if (attempt === 2) throw new KeySetUnavailable('the keys changed during every verification');
      }
    } catch (error) {
      if (error instanceof KeySetUnavailable) throw refuse('keys-unavailable', 'the token cannot be verified now: try again shortly');
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw refuse('expired', 'the token has expired');
      throw refuse(code === 'ERR_JWKS_NO_MATCHING_KEY' ? 'unknown-key' : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' ? 'claims' : 'invalid', 'the token is not valid');
    }
    let principal: Principal;
    try {
      principal = principalFrom(payload, mapping);
    } catch (error) {
      events.refused?.('claims');
      throw error;
    }
    const ttl = Math.min(VERIFIED_FOR_MS, typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : VERIFIED_FOR_MS);
    if (ttl > 0) verified.set(token, principal, { ttl });
    return principal;
  };
  return Object.assign(authenticate, {
    ready: () => keySet?.loaded ?? true,
    close: () => keySet?.close(),
  });
}
