import { signHop, type Principal, type Purpose } from '@mutual-graph/schema';
import { signDevToken } from '@mutual-graph/stack';
import type { JWK } from 'jose';
import { testStack } from './stack.js';

export interface Caller {
  sub?: string;
  roles?: string[];
  purposes: Purpose[];
  memberId?: string;
  partnerId?: string;
  /** jose time span, e.g. '1h'; a negative span gives an expired token. */
  expiresIn?: string | number;
}

/** The public half of a development key (what the gateway verifies tokens with). */
export const publicHalf = ({ d: _d, ...jwk }: JWK): JWK => jwk;

/** A caller's token, signed like `npm run token` signs, with the stack's development issuer key. */
export async function tokenFor(caller: Caller, key: JWK = testStack().issuerPrivateJwk): Promise<string> {
  return signDevToken(key, { ...caller, sub: caller.sub ?? 'test-caller', roles: caller.roles ?? ['staff'], expiresIn: caller.expiresIn ?? '10m' });
}

/** Headers for one request to the internal graph: the caller's token and the declared purpose. */
export async function asCaller(purpose: Purpose, caller: Partial<Caller> = {}): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await tokenFor({ purposes: [purpose], ...caller })}`,
    'x-purpose-of-use': purpose,
  };
}

/** Headers for a direct subgraph request, as the gateway would sign them (or with another key, to forge). */
export async function asGatewayHop(purpose: Purpose, principal: Partial<Principal> = {}, key: JWK = testStack().hopPrivateJwk): Promise<Record<string, string>> {
  const full: Principal = { sub: 'test-caller', roles: ['staff'], purposes: [purpose], ...principal };
  return { authorization: `Bearer ${await signHop(key, { principal: full, purpose, requestId: 'test' })}` };
}
