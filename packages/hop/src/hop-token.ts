import { createPrivateKey, createPublicKey, randomUUID, type JsonWebKey as JWK } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { isPurpose, unauthenticated } from '@mutual-graph/policy';
import { HOP_ISSUER, HOP_TTL_SECONDS, isClientOperation, type HopClaims, type Principal } from './principal.js';
import { bindRequest, matchesBinding, type HopBinding } from './hop-binding.js';
import { bearerToken } from './bearer.js';

/*
 * Hop tokens are signed and verified with fast-jwt, on node:crypto's synchronous Ed25519: one is
 * signed for every fetch the gateway makes and verified by every subgraph request, and jose's
 * WebCrypto path runs each signature as a job on the thread pool (four times the time to sign, twice
 * to verify, measured in bench/). Clients' tokens stay with jose (JWKS, key rotation).
 */
type Signer = (payload: Record<string, unknown>) => string;

// Preparing a key costs more than a signature: one signer per key object.
const signers = new WeakMap<JWK, Signer>();
function signerFor(jwk: JWK): Signer {
  let signer = signers.get(jwk);
  if (!signer) {
    const key = createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
    const sign = createSigner({ key, algorithm: 'EdDSA', iss: HOP_ISSUER, expiresIn: HOP_TTL_SECONDS * 1000 });
    signers.set(jwk, (signer = (payload) => sign(payload)));
  }
  return signer;
}

/**
 * Signs the gateway's statement of who asks and why for one request to one subgraph (EdDSA): the
 * audience names the subgraph, `op`/`vars` bind it to the operation text and variables, `jti`
 * makes it single-use, and an effect token names the one gateway-only field it may call.
 */
export function signHop(privateJwk: JWK, claims: HopClaims, binding: HopBinding): Promise<string> {
  // Signed synchronously; a failure is the promise's rejection, as callers await it.
  return new Promise((resolve) =>
    resolve(
      signerFor(privateJwk)({
        roles: claims.principal.roles,
        purposes: claims.principal.purposes,
        ...(claims.principal.memberId !== undefined ? { memberId: claims.principal.memberId } : {}),
        ...(claims.principal.partnerId !== undefined ? { partnerId: claims.principal.partnerId } : {}),
        purpose: claims.purpose,
        rid: claims.requestId,
        op: binding.operation,
        ...(binding.variables ? { vars: binding.variables } : {}),
        ...(claims.effect ? { eff: claims.effect } : {}),
        ...(claims.clientOperation ? { cop: claims.clientOperation } : {}),
        sub: claims.principal.sub,
        aud: binding.audience,
        jti: randomUUID(),
      }),
    ),
  );
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
export function hopVerifier(publicJwk: JWK, audience: string, onRefusal: (reason: HopRefusalReason) => void = () => {}): Promise<(request: HopRequest) => Promise<HopClaims>> {
  const key = createPublicKey({ key: publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
  const verify = createVerifier({ key, algorithms: ['EdDSA'], allowedIss: HOP_ISSUER, allowedAud: audience, requiredClaims: ['jti', 'op', 'exp'], cache: false });
  const seen = new SingleUse();
  const refuse = (reason: HopRefusalReason, message: string) => {
    onRefusal(reason);
    return unauthenticated(message);
  };
  const check = ({ authorization, query, variables }: HopRequest): HopClaims => {
    const token = bearerToken(authorization);
    if (!token) throw refuse('missing', 'subgraphs answer the gateway only: no gateway token');
    let payload: Record<string, unknown>;
    try {
      payload = verify(token) as Record<string, unknown>;
      if (!isPurpose(payload.purpose) || typeof payload.sub !== 'string' || typeof payload.op !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number')
        throw new Error('claims');
    } catch {
      throw refuse('invalid', 'subgraphs answer the gateway only: the gateway token is not valid here');
    }
    if (!matchesBinding({ operation: payload.op, variables: typeof payload.vars === 'string' ? payload.vars : undefined }, query, variables)) {
      throw refuse('wrong-request', 'the gateway token was signed for another request');
    }
    // A token bound to its variables serves one request. A peer token (bound to its declared query
    // alone) serves every batch its subgraph asks under the one request, until it expires.
    if (typeof payload.vars === 'string' && !seen.claim(payload.jti, payload.exp * 1000)) throw refuse('replayed', 'the gateway token was used already');
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
      // Only a declared peer call's token is signed without its variables (context.ts, peerTokens).
      ...(typeof payload.vars !== 'string' ? { peerCall: true as const } : {}),
      ...(isClientOperation(payload.cop) ? { clientOperation: payload.cop } : {}),
    };
  };
  // Checked synchronously (node:crypto); a refusal is the promise's rejection, as callers await it.
  return Promise.resolve((request: HopRequest) => new Promise<HopClaims>((resolve) => resolve(check(request))));
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
