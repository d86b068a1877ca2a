import type { ApolloServer } from '@apollo/server';
import { type Principal } from '@mutual-graph/hop';
import { today } from '@mutual-graph/domain-codes';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { errorCode, loggableError, partRequestId, type TypedOperation } from '@mutual-graph/platform';
import { gatewayContext, type AccessReportRelease, type GatewayContext } from '../context.js';
import { log } from '../observability.js';
import { AccessReportDocument, AccessReportEdiDocument, AccessReportRequestDocument } from '../operations.generated.js';
import { RECORD_ACCESS_REPORT_RELEASE } from '../effects/operations.js';
import { callSubgraph, type SubgraphUrl } from '../subgraph-call.js';
import { renderAccessReport } from './render-access-report.js';

type ContextOf = (input: { req: Request }) => Promise<GatewayContext>;
type ResultError = { message: string; extensions?: Record<string, unknown> };

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** One of the report's operations on this gateway's own graph, as `contextValue` (audited and judged by policy like any request). */
async function run<TResult extends Record<string, unknown>, TVariables extends Record<string, unknown>>(
  apollo: ApolloServer<GatewayContext>,
  operation: TypedOperation<TResult, TVariables>,
  variables: NoInfer<TVariables>,
  contextValue: GatewayContext,
): Promise<{ data?: TResult | null; errors?: readonly ResultError[] }> {
  const response = await apollo.executeOperation<TResult, TVariables>({ query: String(operation), variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('an access report operation answered incrementally');
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
 * GET /privacy/access-reports/:requestId — the privacy office's export for an ACCESS request.
 * 1. The officer's own token and purpose (PRIVACY_OFFICE) ask the privacy subgraph to clear the
 *    request: open, ACCESS, identity verified, and by separation of duties either the member's
 *    own submission or recorded and verified by two different officers. Nothing is gathered otherwise.
 * 2. The member's information is gathered through this gateway's own graph as that member under
 *    MEMBER_SELF_SERVICE (what the member could read of their own record, no more), everything
 *    but EDI, then EDI on its own; the audit names the officer, purpose PRIVACY_OFFICE and the request.
 * 3. The release is recorded on the member's disclosures (a gateway effect, checked again under
 *    the request's lock); only then is the report sent.
 */
export function accessReportRoute(apollo: ApolloServer<GatewayContext>, contextOf: ContextOf, hopPrivateKey: JWK, subgraphUrl: SubgraphUrl): RequestHandler {
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
    const cleared = await run(apollo, AccessReportRequestDocument, { id: requestId }, officer);
    if (cleared.errors?.length) {
      const first = cleared.errors[0];
      refuse(res, clearanceStatus(first), errorCode(first, 'INTERNAL_SERVER_ERROR'), first.message, passedOn(first.extensions));
      return;
    }
    const request = cleared.data?.accessReportClearance;
    if (!request) return refuse(res, 404, 'BAD_USER_INPUT', 'no privacy request has this id', { argument: 'requestId' });

    const release: AccessReportRelease = { purpose: officer.purpose, requestId: request.id, categories: new Set() };
    const asMember = (suffix: string) => {
      const principal: Principal = { sub: officer.principal.sub, roles: officer.principal.roles, purposes: ['MEMBER_SELF_SERVICE'], memberId: request.member.id };
      return { ...gatewayContext(hopPrivateKey, principal, 'MEMBER_SELF_SERVICE', partRequestId(officer.requestId, suffix)), release };
    };
    const record = await run(apollo, AccessReportDocument, {}, asMember('record'));
    const edi = await run(apollo, AccessReportEdiDocument, {}, asMember('edi'));
    const failed = [...(record.errors ?? []), ...(edi.errors ?? [])];
    if (failed.length > 0 || !record.data?.me) {
      // A report with a part missing would mislead the member: none, rather than an incomplete one.
      refuse(res, 503, 'ACCESS_REPORT_INCOMPLETE', "part of the member's information could not be gathered; nothing was exported, try again shortly", {
        causes: failed.map((e) => errorCode(e, 'INTERNAL_SERVER_ERROR')),
      });
      return;
    }
    const categories = [...release.categories];
    try {
      await callSubgraph(subgraphUrl, officer, RECORD_ACCESS_REPORT_RELEASE, { requestId: request.id, categories });
    } catch (error) {
      log.error({ err: loggableError(error) }, 'access report release not recorded');
      refuse(res, 503, 'DISCLOSURE_NOT_RECORDED', "the release could not be recorded on the member's disclosures, so nothing was exported; try again shortly");
      return;
    }
    const report = renderAccessReport({ request, member: record.data.me, edi: edi.data?.me?.edi ?? null, preparedOn: today() });
    res.status(200).type('text/markdown; charset=utf-8').set('content-disposition', `attachment; filename="access-report-${request.id}.md"`).set('cache-control', 'no-store').send(report);
  };
}
