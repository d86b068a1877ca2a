import { randomUUID } from 'node:crypto';
import { importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { isPurpose, unauthenticated } from '@mutual-graph/policy';
import { HOP_ISSUER, HOP_TTL_SECONDS, type HopClaims, type Principal } from './principal.js';
import { bindRequest, matchesBinding, type HopBinding } from './hop-binding.js';
import { bearerToken } from './bearer.js';

type Key = Awaited<ReturnType<typeof importJWK>>;

// Importing a JWK costs more than the signature itself: once per key object.
const signingKeys = new WeakMap<JWK, Promise<Key>>();
function signingKey(jwk: JWK): Promise<Key> {
  let key = signingKeys.get(jwk);
  if (!key) signingKeys.set(jwk, (key = importJWK(jwk, 'EdDSA')));
  return key;
}

/**
 * Signs the gateway's statement of who asks and why for one request to one subgraph (EdDSA): the
 * audience names the subgraph, `op`/`vars` bind it to the operation text and variables, `jti`
 * makes it single-use, and an effect token names the one gateway-only field it may call.
 */
export async function signHop(privateJwk: JWK, claims: HopClaims, binding: HopBinding): Promise<string> {
  return new SignJWT({
    roles: claims.principal.roles,
    purposes: claims.principal.purposes,
    memberId: claims.principal.memberId,
    partnerId: claims.principal.partnerId,
    purpose: claims.purpose,
    rid: claims.requestId,
    op: binding.operation,
    ...(binding.variables ? { vars: binding.variables } : {}),
    ...(claims.effect ? { eff: claims.effect } : {}),
  })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(claims.principal.sub)
    .setIssuer(HOP_ISSUER)
    .setAudience(binding.audience)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${HOP_TTL_SECONDS}s`)
    .sign(await signingKey(privateJwk));
}

/** Signs, for the principal and purpose of `claims`, a token for one gateway-only field `effect`, at one subgraph, for one query and its variables. */
export type EffectTokenSigner = (subgraph: string, effect: string, query: string, variables: unknown) => Promise<string>;

export function effectTokenSigner(privateJwk: JWK, claims: Omit<HopClaims, 'effect'>): EffectTokenSigner {
  return (subgraph, effect, query, variables) => signHop(privateJwk, { ...claims, effect }, bindRequest(subgraph, query, variables));
}

/** Why a subgraph refused a hop token: the label of its refusal counter. */
export type HopRefusalReason = 'missing' | 'invalid' | 'wrong-request' | 'replayed';

export class HopRefused extends Error {
  constructor(readonly reason: HopRefusalReason) {
    super(`hop token refused: ${reason}`);
  }
}

/** The request a hop token arrived with, as the subgraph parsed it. */
export interface HopRequest {
  authorization: string | undefined;
  query: unknown;
  variables: unknown;
}

/**
 * A verifier for hop tokens addressed to one subgraph: anything not signed by the gateway's key,
 * expired, addressed to another subgraph, signed for another request, or seen before is refused
 * (UNAUTHENTICATED; `onRefusal` hears why, for the log and the counter).
 */
export async function hopVerifier(publicJwk: JWK, audience: string, onRefusal: (reason: HopRefusalReason) => void = () => {}): Promise<(request: HopRequest) => Promise<HopClaims>> {
  const key: Key = await importJWK(publicJwk, 'EdDSA');
  const seen = new SingleUse();
  const refuse = (reason: HopRefusalReason, message: string) => {
    onRefusal(reason);
    return unauthenticated(message);
  };
  return async ({ authorization, query, variables }) => {
    const token = bearerToken(authorization);
    if (!token) throw refuse('missing', 'subgraphs answer the gateway only: no gateway token');
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, key, { issuer: HOP_ISSUER, audience, algorithms: ['EdDSA'], requiredClaims: ['jti', 'op', 'exp'] }));
      if (!isPurpose(payload.purpose) || typeof payload.sub !== 'string' || typeof payload.op !== 'string') throw new Error('claims');
    } catch {
      throw refuse('invalid', 'subgraphs answer the gateway only: the gateway token is not valid here');
    }
    if (!matchesBinding({ operation: payload.op, variables: typeof payload.vars === 'string' ? payload.vars : undefined }, query, variables)) {
      throw refuse('wrong-request', 'the gateway token was signed for another request');
    }
    // A token bound to its variables serves one request. A peer token (bound to its declared query
    // alone) serves every batch its subgraph asks under the one request, until it expires.
    if (typeof payload.vars === 'string' && !seen.claim(payload.jti!, payload.exp! * 1000)) throw refuse('replayed', 'the gateway token was used already');
    const principal: Principal = {
      sub: payload.sub,
      roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      purposes: Array.isArray(payload.purposes) ? payload.purposes.filter(isPurpose) : [],
      ...(typeof payload.memberId === 'string' ? { memberId: payload.memberId } : {}),
      ...(typeof payload.partnerId === 'string' ? { partnerId: payload.partnerId } : {}),
    };
    return {
      principal,
      purpose: payload.purpose,
      requestId: typeof payload.rid === 'string' ? payload.rid : '',
      ...(typeof payload.eff === 'string' ? { effect: payload.eff } : {}),
    };
  };
}

/**
 * Token ids seen until they expire. In one process: a replica of the subgraph keeps its own, so a
 * token replayed at another replica is stopped only by its binding to the request it was signed for.
 */
class SingleUse {
  private readonly until = new Map<string, number>();
  private claims = 0;

  claim(jti: string, expiresAt: number): boolean {
    if (this.until.has(jti)) return false;
    this.until.set(jti, expiresAt);
    if (++this.claims % 1000 === 0) {
      const now = Date.now();
      for (const [id, at] of this.until) if (at < now) this.until.delete(id);
    }
    return true;
  }
}
