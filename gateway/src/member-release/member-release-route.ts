import type { ApolloServer } from '@apollo/server';
import { type Principal } from '@mutual-graph/hop';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { errorCode, loggableError, partRequestId, type TypedOperation } from '@mutual-graph/platform';
import { gatewayContext, type AccessReportRelease, type GatewayContext } from '../context.js';
import { log } from '../observability.js';
import type { AccessReportRequestQuery } from '../operations.generated.js';
import { callSubgraph, type Effect, type SubgraphUrl } from '../subgraph-call.js';

type ContextOf = (input: { req: Request }) => Promise<GatewayContext>;
type ResultError = { message: string; extensions?: Record<string, unknown> };

/** The ACCESS request, once the privacy subgraph cleared its release (`accessReportClearance`). */
export type ClearedRequest = NonNullable<AccessReportRequestQuery['accessReportClearance']>;

/** One operation on this gateway's own graph as the member (MEMBER_SELF_SERVICE): its data, or null when it failed (the release is then refused). */
export type AsMember = <TResult extends Record<string, unknown>>(operation: TypedOperation<TResult, Record<string, never>>, part: string) => Promise<TResult | null>;

/**
 * What one kind of release of a member's information to them (the readable access report, the
 * portability export) adds to the steps every release shares.
 */
export interface MemberRelease<TGathered> {
  /** The clearance operation: `accessReportClearance` with the fields of `ClearedRequest`, under a name of its own for the audit. */
  clearance: TypedOperation<{ accessReportClearance: ClearedRequest | null }, { id: string }>;
  /** Gathers the member's information with `asMember`; null when it is incomplete or cannot be sent as it is (nothing is then recorded or sent). */
  gather(asMember: AsMember, request: ClearedRequest): Promise<TGathered | null>;
  /** The gateway effect that records the release on the member's disclosures. */
  record: Effect<unknown, { requestId: string; categories: string[] }>;
  /** Answers the officer with what was gathered, once its release is on record. */
  send(res: Response, gathered: TGathered, request: ClearedRequest): void;
}

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** One of the release's operations on this gateway's own graph, as `contextValue` (audited and judged by policy like any request). */
async function run<TResult extends Record<string, unknown>, TVariables extends Record<string, unknown>>(
  apollo: ApolloServer<GatewayContext>,
  operation: TypedOperation<TResult, TVariables>,
  variables: NoInfer<TVariables>,
  contextValue: GatewayContext,
): Promise<{ data?: TResult | null; errors?: readonly ResultError[] }> {
  const response = await apollo.executeOperation<TResult, TVariables>({ query: String(operation), variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('a release operation answered incrementally');
  return response.body.singleResult;
}

/**
 * The HTTP status of a refused clearance: separation of duties is a refusal of this caller (403),
 * a request in the wrong state a conflict (409), a malformed id a bad request (400).
 */
function clearanceStatus({ extensions }: ResultError): number {
  const code = errorCode({ extensions }, 'INTERNAL_SERVER_ERROR');
  if (code === 'FORBIDDEN') return 403;
  if (code !== 'BAD_USER_INPUT') return 503;
  if (extensions?.reason === 'SEPARATION_OF_DUTIES') return 403;
  return extensions?.reason ? 409 : 400;
}

const passedOn = (extensions: Record<string, unknown> | undefined) => Object.fromEntries(['argument', 'reason', 'policy'].filter((k) => extensions?.[k] !== undefined).map((k) => [k, extensions![k]]));

/**
 * GET …/:requestId — a privacy office route releasing a member's information to them for an ACCESS request.
 * 1. The officer's own token and purpose (PRIVACY_OFFICE) ask the privacy subgraph to clear the
 *    request: open, ACCESS, identity verified, and by separation of duties either the member's
 *    own submission or recorded and verified by two different officers. Nothing is gathered otherwise.
 * 2. The member's information is gathered through this gateway's own graph as that member under
 *    MEMBER_SELF_SERVICE (what the member could read of their own record, no more); the audit
 *    names the officer, purpose PRIVACY_OFFICE and the request. All or nothing.
 * 3. The release is recorded on the member's disclosures (a gateway effect, checked again under
 *    the request's lock); only then is anything sent.
 */
export function memberReleaseRoute<TGathered>(
  apollo: ApolloServer<GatewayContext>,
  contextOf: ContextOf,
  hopPrivateKey: JWK,
  subgraphUrl: SubgraphUrl,
  release: MemberRelease<TGathered>,
): RequestHandler {
  return async (req, res) => {
    let officer: GatewayContext;
    try {
      officer = await contextOf({ req });
    } catch (error) {
      const e = error as GraphQLError;
      const code = errorCode(e, 'UNAUTHENTICATED');
      refuse(res, code === 'UNAUTHENTICATED' ? 401 : code === 'AUDIT_UNAVAILABLE' ? 503 : 403, code, e.message, e.extensions?.policy ? { policy: e.extensions.policy } : {});
      return;
    }
    const requestId = String(req.params.requestId);
    const cleared = await run(apollo, release.clearance, { id: requestId }, officer);
    if (cleared.errors?.length) {
      const first = cleared.errors[0];
      refuse(res, clearanceStatus(first), errorCode(first, 'INTERNAL_SERVER_ERROR'), first.message, passedOn(first.extensions));
      return;
    }
    const request = cleared.data?.accessReportClearance;
    if (!request) return refuse(res, 404, 'BAD_USER_INPUT', 'no privacy request has this id', { argument: 'requestId' });

    const scope: AccessReportRelease = { purpose: officer.purpose, requestId: request.id, categories: new Set() };
    const failed: ResultError[] = [];
    const asMember: AsMember = async (operation, part) => {
      const principal: Principal = { sub: officer.principal.sub, roles: officer.principal.roles, purposes: ['MEMBER_SELF_SERVICE'], memberId: request.member.id };
      const context = { ...gatewayContext(hopPrivateKey, principal, 'MEMBER_SELF_SERVICE', partRequestId(officer.requestId, part)), release: scope };
      // A release is recorded as what the member was given: gathered from the primary, never a lagging replica
      // (the policy's own settling, a query, cannot take this back: a write stays a write).
      context.settleOperation('mutation');
      const result = await run(apollo, operation, {}, context);
      failed.push(...(result.errors ?? []));
      return result.errors?.length ? null : (result.data ?? null);
    };
    const gathered = await release.gather(asMember, request);
    if (failed.length > 0 || gathered === null) {
      // A release with a part missing would mislead the member: none, rather than an incomplete one.
      refuse(res, 503, 'ACCESS_REPORT_INCOMPLETE', "part of the member's information could not be gathered; nothing was exported, try again shortly", {
        causes: failed.map((e) => errorCode(e, 'INTERNAL_SERVER_ERROR')),
      });
      return;
    }
    try {
      await callSubgraph(subgraphUrl, officer, release.record, { requestId: request.id, categories: [...scope.categories] });
    } catch (error) {
      log.error({ err: loggableError(error), effect: release.record.field }, 'release to the member not recorded');
      refuse(res, 503, 'DISCLOSURE_NOT_RECORDED', "the release could not be recorded on the member's disclosures, so nothing was exported; try again shortly");
      return;
    }
    release.send(res, gathered, request);
  };
}
