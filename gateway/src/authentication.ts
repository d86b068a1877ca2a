import { isUuid } from '@mutual-graph/platform';
import { isPurpose, unauthenticated } from '@mutual-graph/policy';
import { bearerToken, type Principal } from '@mutual-graph/hop';
import { createRemoteJWKSet, importJWK, jwtVerify, type JWK, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';

export interface AuthenticationConfig {
  /** Production: the identity provider's JWKS address. */
  jwksUrl?: string;
  /** Development: one public key (JWK), the one `npm run token` signs with. */
  publicKey?: JWK;
  issuer: string;
  audience: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

/** Verified tokens kept at most: a client sends the same token with every request until it expires. */
const VERIFIED_TOKENS = 10_000;
/** A verified token is trusted again without its signature checked for at most this long, and never past its expiry. */
const VERIFIED_FOR_MS = 5 * 60_000;

/**
 * Verifies `Authorization: Bearer <JWT>` with jose and reads the contract's claims:
 * sub, roles, purposes, memberId, partnerId. No token, a bad signature or an expired token
 * is UNAUTHENTICATED. A token verified once is kept, by its exact text, until it expires (at most
 * VERIFIED_FOR_MS): the same token again is the same principal, without its signature checked
 * again; a token refused is not kept, so it costs its check every time. (A key the identity
 * provider withdraws from its JWKS stops new tokens at once, and those already kept when they expire.)
 */
export async function createAuthenticator(config: AuthenticationConfig): Promise<Authenticate> {
  const key: JWTVerifyGetKey | Awaited<ReturnType<typeof importJWK>> = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : await importJWK(config.publicKey!, config.publicKey!.alg ?? 'EdDSA');
  const verified = new LRUCache<string, Principal>({ max: VERIFIED_TOKENS });
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('an Authorization: Bearer token is required');
    const known = verified.get(token);
    if (known) return known;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as never, { issuer: config.issuer, audience: config.audience }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'the token has expired' : 'the token is not valid');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('the token names no subject');
    // Who a token names is recorded (audit, disclosures, privacy requests) and compared: an identifier
    // that could not be stored as it is, or a member id that is no member id, names no one.
    if (!isIdentifier(payload.sub) || (payload.partnerId !== undefined && !isIdentifier(payload.partnerId))) throw unauthenticated("the token's subject or partner is not an identifier");
    if (payload.memberId !== undefined && !isUuid(payload.memberId)) throw unauthenticated("the token's member is not a member id");
    // Frozen: one principal now serves every request that carries this token.
    const principal: Principal = Object.freeze({
      sub: payload.sub,
      roles: Object.freeze(Array.isArray(payload.roles) ? payload.roles.map(String) : []) as string[],
      purposes: Object.freeze(Array.isArray(payload.purposes) ? payload.purposes.filter(isPurpose) : []) as Principal['purposes'],
      ...(typeof payload.memberId === 'string' ? { memberId: payload.memberId.toLowerCase() } : {}),
      ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
    });
    const ttl = Math.min(VERIFIED_FOR_MS, typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : VERIFIED_FOR_MS);
    if (ttl > 0) verified.set(token, principal, { ttl });
    return principal;
  };
}

/** Identifiers as a token may carry them: at most 200 characters (the audit's columns), none a control character. */
const IDENTIFIER = /^[^\p{Cc}\p{Cs}]{1,200}$/u;
const isIdentifier = (value: unknown): value is string => typeof value === 'string' && IDENTIFIER.test(value);
