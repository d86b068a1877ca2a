import { type Purpose } from '@mutual-graph/policy';
import { bindRequest, signHop, type Principal } from '@mutual-graph/hop';
import { signDevToken } from '@mutual-graph/stack';
import type { JWK } from 'jose';
import { postGraphQL, testStack, type GraphQLResponse } from './stack.js';

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

/** A subgraph to call directly: a name in the test stack, or one a test started (a counting subgraph). */
export type SubgraphTarget = string | { name: string; graphqlUrl: string };

export interface HopOptions {
  /** Sign with another key, to forge. */
  key?: JWK;
  /** Mark the token as the gateway's effect for this field (`Mutation.…`). */
  effect?: string;
  /** Address the token to another subgraph than the one called (a replay elsewhere). */
  audience?: string;
}

/** Headers for one direct subgraph request, as the gateway would sign them for exactly that request. */
export async function asGatewayHop(
  request: { to: string; query: string; variables?: unknown },
  purpose: Purpose,
  principal: Partial<Principal> = {},
  options: HopOptions = {},
): Promise<Record<string, string>> {
  const full: Principal = { sub: 'test-caller', roles: ['staff'], purposes: [purpose], ...principal };
  const claims = { principal: full, purpose, requestId: 'test', ...(options.effect ? { effect: options.effect } : {}) };
  const token = await signHop(options.key ?? testStack().hopPrivateJwk, claims, bindRequest(options.audience ?? request.to, request.query, request.variables ?? {}));
  return { authorization: `Bearer ${token}` };
}

/** A request straight to a subgraph, signed as the gateway signs a fetch (audience, operation and variables bound). */
export async function postAsGateway<T = Record<string, unknown>>(
  subgraph: SubgraphTarget,
  query: string,
  variables: Record<string, unknown> | undefined,
  purpose: Purpose,
  principal: Partial<Principal> = {},
  options: HopOptions = {},
): Promise<GraphQLResponse<T>> {
  const { name, graphqlUrl } = typeof subgraph === 'string' ? { name: subgraph, graphqlUrl: testStack().subgraphUrls[subgraph] } : subgraph;
  return postGraphQL<T>(graphqlUrl, query, variables, await asGatewayHop({ to: name, query, variables: variables ?? {} }, purpose, principal, options));
}
