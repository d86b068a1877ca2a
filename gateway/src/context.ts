import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PURPOSE_HEADER, signHop, type DataCategory, type Principal, type Purpose } from '@mutual-graph/schema';
import type { JWK } from 'jose';
import type { Authenticate } from './authentication.js';
import { declaredPurpose } from './purpose.js';

/** What the gateway knows of one request, built in one function: who, why, and the hop token. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  purpose: Purpose;
  /** Categories the operation touches, once the operation policy has allowed it. */
  categories?: DataCategory[];
  /** The signed statement of who and why for the subgraphs: one token per request. */
  hopToken(): Promise<string>;
}

export function gatewayContextFactory(authenticate: Authenticate, hopPrivateKey: JWK) {
  return async ({ req }: { req: IncomingMessage }): Promise<GatewayContext> => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    // Who, then why: both refuse the request before it is parsed.
    const principal = await authenticate(req.headers.authorization);
    const purpose = declaredPurpose(req.headers[PURPOSE_HEADER], principal);
    let token: Promise<string> | undefined;
    return {
      requestId,
      principal,
      purpose,
      hopToken: () => (token ??= signHop(hopPrivateKey, { principal, purpose, requestId })),
    };
  };
}
