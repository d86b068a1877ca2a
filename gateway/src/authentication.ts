import { isUuid } from '@mutual-graph/platform';
import { isPurpose, unauthenticated } from '@mutual-graph/policy';
import { bearerToken, type Principal } from '@mutual-graph/hop';
import { createRemoteJWKSet, importJWK, jwtVerify, type JWK, type JWTVerifyGetKey } from 'jose';

export interface AuthenticationConfig {
  /** Production: the identity provider's JWKS address. */
  jwksUrl?: string;
  /** Development: one public key (JWK), the one `npm run token` signs with. */
  publicKey?: JWK;
  issuer: string;
  audience: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

/**
 * Verifies `Authorization: Bearer <JWT>` with jose and reads the contract's claims:
 * sub, roles, purposes, memberId, partnerId. No token, a bad signature or an expired token
 * is UNAUTHENTICATED.
 */
export async function createAuthenticator(config: AuthenticationConfig): Promise<Authenticate> {
  const key: JWTVerifyGetKey | Awaited<ReturnType<typeof importJWK>> = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : await importJWK(config.publicKey!, config.publicKey!.alg ?? 'EdDSA');
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) throw unauthenticated('an Authorization: Bearer token is required');
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
    return {
      sub: payload.sub,
      roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      purposes: Array.isArray(payload.purposes) ? payload.purposes.filter(isPurpose) : [],
      ...(typeof payload.memberId === 'string' ? { memberId: payload.memberId.toLowerCase() } : {}),
      ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
    };
  };
}

/** Identifiers as a token may carry them: at most 200 characters (the audit's columns), none a control character. */
const IDENTIFIER = /^[^\p{Cc}\p{Cs}]{1,200}$/u;
const isIdentifier = (value: unknown): value is string => typeof value === 'string' && IDENTIFIER.test(value);
