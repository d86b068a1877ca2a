import { importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { isPurpose, type Purpose } from './vocabulary.js';
import { HOP_AUDIENCE, HOP_ISSUER, HOP_TTL_SECONDS, type HopClaims, type Principal } from './principal.js';
import { unauthenticated } from './refusal.js';

type Key = Awaited<ReturnType<typeof importJWK>>;

/** Signs the gateway's statement of who asks and why, for one request's subgraph fetches (EdDSA). */
export async function signHop(privateJwk: JWK, claims: HopClaims): Promise<string> {
  const key = await importJWK(privateJwk, 'EdDSA');
  return new SignJWT({ roles: claims.principal.roles, purposes: claims.principal.purposes, memberId: claims.principal.memberId, partnerId: claims.principal.partnerId, purpose: claims.purpose, rid: claims.requestId, ...(claims.effect ? { eff: true } : {}) })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(claims.principal.sub)
    .setIssuer(HOP_ISSUER)
    .setAudience(HOP_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${HOP_TTL_SECONDS}s`)
    .sign(key);
}

/** A verifier for hop tokens; anything not signed by the gateway's key, or expired, is UNAUTHENTICATED. */
export async function hopVerifier(publicJwk: JWK): Promise<(authorization: string | undefined) => Promise<HopClaims>> {
  const key: Key = await importJWK(publicJwk, 'EdDSA');
  return async (authorization) => {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('subgraphs answer the gateway only: no gateway token');
    try {
      const { payload } = await jwtVerify(token, key, { issuer: HOP_ISSUER, audience: HOP_AUDIENCE, algorithms: ['EdDSA'] });
      if (!isPurpose(payload.purpose) || typeof payload.sub !== 'string') throw new Error('claims');
      const principal: Principal = {
        sub: payload.sub,
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
        purposes: Array.isArray(payload.purposes) ? payload.purposes.filter(isPurpose) : [],
        ...(typeof payload.memberId === 'string' ? { memberId: payload.memberId } : {}),
        ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
      };
      return { principal, purpose: payload.purpose as Purpose, requestId: typeof payload.rid === 'string' ? payload.rid : '', effect: payload.eff === true };
    } catch {
      throw unauthenticated('subgraphs answer the gateway only: the gateway token is not valid');
    }
  };
}
