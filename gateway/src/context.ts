import type { IncomingMessage } from 'node:http';
import { PURPOSE_HEADER, peerCallsOf, peerTokenHeader, type DataCategory, type Purpose } from '@mutual-graph/policy';
import { bindRequest, effectTokenSigner, sha256, signHop, type ClientOperation, type EffectTokenSigner, type HopClaims, type Principal } from '@mutual-graph/hop';
import type { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { errorCode, REQUEST_ID_HEADER, requestIdFrom, type GatewayNotice } from '@mutual-graph/platform';
import { auditEntry } from './audit/audit-entry.js';
import type { AuditEntry, AuditLog } from './audit/audit-log.js';
import type { Authenticate } from './authentication/authenticator.js';
import type { PurposeOf } from './purpose.js';

/** What the gateway knows of one request, built in one function: who, why, and the hop token. */
export interface GatewayContext {
  requestId: string;
  principal: Principal;
  purpose: Purpose;
  /** Categories the operation touches, once the operation policy has allowed it. */
  categories?: DataCategory[];
  /** The signed statement of who and why for one fetch: good at that subgraph, for that operation and those variables, once. */
  hopToken(subgraph: string, query: string, variables: unknown): Promise<string>;
  /**
   * Tokens for the requests a subgraph makes of its peers under this request (PEER_CALLS), by
   * header: each addressed to the peer and bound to the one query it may ask. Signed once a request.
   */
  peerTokens(subgraph: string): Promise<Record<string, string>>;
  /** The statement for the gateway's own follow-up effect: the one gateway-only field `effect`, at that subgraph, with that request. */
  effectToken: EffectTokenSigner;
  /**
   * Tells the hop tokens signed from now on what the client's operation is (a subgraph reads its
   * replica only under a query). Once any operation of the request writes, it stays a write: the
   * operations of one batch share these claims.
   */
  settleOperation(operation: ClientOperation): void;
  /** Set once this request's audit record is written. */
  audited?: boolean;
  /**
   * The audit of this request's allowed operation: its record's id (durable once it resolves; a
   * mutation's is before it runs), or the entry still to be written with what the operation did.
   */
  allowedAudit?: { recordId: Promise<string> } | { entry: AuditEntry };
  /** Members whose personal fields the subgraphs resolved for this request, as they reported. */
  membersRead: Set<string>;
  /** What subgraphs told the gateway to act on before answering (e.g. disclosures to record). */
  notices: GatewayNotice[];
  /**
   * Set on the operations that gather an access report: audited as the privacy office releasing
   * that request's report (this purpose, the officer as subject), while `purpose` and `principal`
   * (the member's own-record scope) are what the policy and the subgraphs apply.
   */
  release?: AccessReportRelease;
  /** A refusal decided before parsing (an unregistered partner operation), raised and audited at the decision stage. */
  pendingRefusal?: GraphQLError;
}

/** One access report's release, shared by the operations that gather it (Apollo clones the context of each; this object is not cloned). */
export interface AccessReportRelease {
  purpose: Purpose;
  requestId: string;
  /** Every category the policy allowed the gathering operations to read: what the report holds. */
  categories: Set<DataCategory>;
}

/** The context of one request once who and why are settled: the hop tokens are signed from them, lazily. */
export function gatewayContext(hopPrivateKey: JWK, principal: Principal, purpose: Purpose, requestId: string): GatewayContext {
  const peers = new Map<string, Promise<Record<string, string>>>();
  const claims: HopClaims = { principal, purpose, requestId };
  return {
    requestId,
    principal,
    purpose,
    notices: [],
    membersRead: new Set(),
    hopToken: (subgraph, query, variables) => signHop(hopPrivateKey, claims, bindRequest(subgraph, query, variables)),
    peerTokens: (subgraph) => {
      let tokens = peers.get(subgraph);
      if (!tokens) {
        const calls = peerCallsOf(subgraph, purpose);
        tokens = Promise.all(calls.map(async (call) => [peerTokenHeader(call.to), await signHop(hopPrivateKey, claims, { audience: call.to, operation: sha256(call.query) })] as const)).then(
          (entries) => Object.fromEntries(entries) as Record<string, string>,
        );
        peers.set(subgraph, tokens);
      }
      return tokens;
    },
    effectToken: effectTokenSigner(hopPrivateKey, claims),
    settleOperation: (operation) => {
      if (claims.clientOperation === undefined || claims.clientOperation === 'query') claims.clientOperation = operation;
    },
  };
}

/** Builds a graph's request context; `purposeOf` is the graph's rule for the purpose a request may claim. */
export function gatewayContextFactory(authenticate: Authenticate, purposeOf: PurposeOf, hopPrivateKey: JWK, audit: AuditLog) {
  return async ({ req }: { req: IncomingMessage & { body?: { query?: unknown; operationName?: unknown } } }): Promise<GatewayContext> => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    // Who, then why: both refuse the request before it is parsed, and the refusal is audited.
    let principal: Principal | undefined;
    let purpose: Purpose;
    try {
      principal = await authenticate(req.headers.authorization);
      purpose = purposeOf(req.headers[PURPOSE_HEADER], principal);
    } catch (error) {
      const extensions = (error as GraphQLError).extensions ?? {};
      // As sent: the audit log makes every value storable (audit/storable.ts).
      const claimed = req.headers[PURPOSE_HEADER];
      await audit.recordOrRefuse(
        auditEntry(
          { requestId, principal, purpose: typeof claimed === 'string' ? claimed : null },
          { name: typeof req.body?.operationName === 'string' ? req.body.operationName : null, text: typeof req.body?.query === 'string' ? req.body.query : null },
          { decision: 'REFUSED', code: errorCode({ extensions }, 'UNAUTHENTICATED'), rule: (extensions.policy as { rule?: string } | undefined)?.rule ?? null },
        ),
      );
      throw error;
    }
    return gatewayContext(hopPrivateKey, principal, purpose, requestId);
  };
}
