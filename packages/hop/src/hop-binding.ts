import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/**
 * What a hop token is good for: one subgraph (its audience) and one request to it. A token taken
 * from the traffic can then be replayed only as the very request the gateway decided and signed,
 * at the very subgraph it was signed for, and only once.
 */
export interface HopBinding {
  /** The subgraph the token is addressed to, by name (`member`, `case`, …). */
  audience: string;
  /** SHA-256 of the operation text the token was signed for. */
  operation: string;
  /** SHA-256 of the variables (canonical JSON); absent: any variables (a peer call's declared query). */
  variables?: string;
}

// Keys sorted at every depth; a cycle or a BigInt cannot be sent as JSON, so either is an error here too.
const stable = configure({ deterministic: true, circularValue: Error, bigint: false });

/** JSON with object keys sorted at every depth: the same value hashes the same on both ends of a hop. */
export function canonicalJson(value: unknown): string {
  return stable(value ?? {}) ?? '{}';
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The binding of a token to one request: this operation text with exactly these variables, at this subgraph. */
export function bindRequest(audience: string, query: string, variables: unknown): HopBinding {
  return { audience, operation: sha256(query), variables: sha256(canonicalJson(variables)) };
}

/** Whether a request is the one a binding names (the audience is checked by the verifier). */
export function matchesBinding(binding: Pick<HopBinding, 'operation' | 'variables'>, query: unknown, variables: unknown): boolean {
  if (typeof query !== 'string' || sha256(query) !== binding.operation) return false;
  return binding.variables === undefined || sha256(canonicalJson(variables)) === binding.variables;
}
