import { isPurpose, unauthenticated, type Principal } from '@mutual-graph/schema';
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
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('an Authorization: Bearer token is required');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as never, { issuer: config.issuer, audience: config.audience }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'the token has expired' : 'the token is not valid');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('the token names no subject');
    return {
      sub: payload.sub,
      roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      purposes: Array.isArray(payload.purposes) ? payload.purposes.filter(isPurpose) : [],
      ...(typeof payload.memberId === 'string' ? { memberId: payload.memberId } : {}),
      ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
    };
  };
}
