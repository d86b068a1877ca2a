import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PURPOSE_HEADER, signHop, type DataCategory, type Principal, type Purpose } from '@mutual-graph/schema';
import type { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import type { GatewayNotice } from '@mutual-graph/platform';
import type { AuditLog } from './audit/audit-log.js';
import type { Authenticate } from './authentication.js';
import type { PurposeOf } from './purpose.js';

/** What the gateway knows of one request, built in one function: who, why, and the hop token. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  purpose: Purpose;
  /** Categories the operation touches, once the operation policy has allowed it. */
  categories?: DataCategory[];
  /** The signed statement of who and why for the subgraphs: one token per request. */
  hopToken(): Promise<string>;
  /** The same statement, marked as the gateway's own follow-up effect (recording a disclosure or consent). */
  effectToken(): Promise<string>;
  /** Set once this request's audit record is written. */
  audited?: boolean;
  /** What subgraphs told the gateway to act on before answering (e.g. disclosures to record). */
  notices: GatewayNotice[];
  /** A refusal decided before parsing (an unregistered partner operation), raised and audited at the decision stage. */
  pendingRefusal?: GraphQLError;
}

/** The context of one request once who and why are settled: the hop tokens are signed from them, lazily. */
export function gatewayContext(hopPrivateKey: JWK, principal: Principal, purpose: Purpose, requestId: string): GatewayContext {
  let token: Promise<string> | undefined;
  return {
    requestId,
    principal,
    purpose,
    notices: [],
    hopToken: () => (token ??= signHop(hopPrivateKey, { principal, purpose, requestId })),
    effectToken: () => signHop(hopPrivateKey, { principal, purpose, requestId, effect: true }),
  };
}

/** Builds a graph's request context; `purposeOf` is the graph's rule for the purpose a request may claim. */
export function gatewayContextFactory(authenticate: Authenticate, purposeOf: PurposeOf, hopPrivateKey: JWK, audit: AuditLog) {
  return async ({ req }: { req: IncomingMessage & { body?: { query?: unknown; operationName?: unknown } } }): Promise<GatewayContext> => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    // Who, then why: both refuse the request before it is parsed, and the refusal is audited.
    let principal: Principal | undefined;
    let purpose: Purpose;
    try {
      principal = await authenticate(req.headers.authorization);
      purpose = purposeOf(req.headers[PURPOSE_HEADER], principal);
    } catch (error) {
      const extensions = (error as GraphQLError).extensions ?? {};
      await audit.recordOrRefuse({
        requestId,
        subject: principal?.sub ?? null,
        roles: principal?.roles ?? [],
        // As sent: the audit log makes every value storable (audit/storable.ts).
        purpose: typeof req.headers[PURPOSE_HEADER] === 'string' ? String(req.headers[PURPOSE_HEADER]) : null,
        operationName: typeof req.body?.operationName === 'string' ? req.body.operationName : null,
        operationText: typeof req.body?.query === 'string' ? req.body.query : null,
        decision: 'REFUSED',
        code: String(extensions.code ?? 'UNAUTHENTICATED'),
        rule: (extensions.policy as { rule?: string } | undefined)?.rule ?? null,
      });
      throw error;
    }
    return gatewayContext(hopPrivateKey, principal!, purpose, requestId);
  };
}
