import type { ApolloServer } from '@apollo/server';
import { today, type Principal } from '@mutual-graph/schema';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { gatewayContext, type GatewayContext } from '../context.js';
import { MEMBER_EDI, MEMBER_RECORD, REQUEST_OF_RECORD } from './access-report-operations.js';
import { renderAccessReport } from './render-access-report.js';

type ContextOf = (input: { req: Request }) => Promise<GatewayContext>;

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

async function run(apollo: ApolloServer<GatewayContext>, query: string, variables: Record<string, unknown>, contextValue: GatewayContext) {
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('an access report operation answered incrementally');
  return response.body.singleResult as { data?: Record<string, any> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * GET /privacy/access-reports/:requestId — the privacy office's export for an ACCESS request.
 * The officer's own token and purpose (PRIVACY_OFFICE) fetch the request; only an open request
 * whose requester's identity was verified gets a report. The member's information is then
 * gathered through this gateway's own graph, as that member under MEMBER_SELF_SERVICE (what the
 * member could read of their own record, no more), the officer named as the principal in the
 * audit, in two operations: everything but EDI, then EDI on its own. Every step passes the
 * operation policy and is audited like any request.
 */
export function accessReportRoute(apollo: ApolloServer<GatewayContext>, contextOf: ContextOf, hopPrivateKey: JWK): RequestHandler {
  return async (req, res) => {
    let officer: GatewayContext;
    try {
      officer = await contextOf({ req });
    } catch (error) {
      const e = error as GraphQLError;
      const code = String(e.extensions?.code ?? 'UNAUTHENTICATED');
      refuse(res, code === 'UNAUTHENTICATED' ? 401 : code === 'AUDIT_UNAVAILABLE' ? 503 : 403, code, e.message, e.extensions?.policy ? { policy: e.extensions.policy } : {});
      return;
    }
    const requestId = String(req.params.requestId);
    const found = await run(apollo, REQUEST_OF_RECORD, { id: requestId }, officer);
    if (found.errors?.length) {
      const first = found.errors[0]!;
      const code = String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      refuse(res, code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 503, code, first.message, first.extensions?.policy ? { policy: first.extensions.policy } : {});
      return;
    }
    const request = found.data?.privacyRequest;
    if (!request) return refuse(res, 404, 'BAD_USER_INPUT', 'no privacy request has this id', { argument: 'requestId' });
    if (request.kind !== 'ACCESS') return refuse(res, 409, 'BAD_USER_INPUT', 'an access report answers an ACCESS request', { argument: 'requestId' });
    if (!['RECEIVED', 'IN_PROGRESS'].includes(request.status)) return refuse(res, 409, 'BAD_USER_INPUT', 'this request is closed', { argument: 'requestId' });
    if (!request.identityVerifiedOn) return refuse(res, 409, 'BAD_USER_INPUT', "the requester's identity must be verified before their information is gathered", { argument: 'requestId' });

    const asMember = (suffix: string) => {
      const principal: Principal = { sub: officer.principal.sub, roles: officer.principal.roles, purposes: ['MEMBER_SELF_SERVICE'], memberId: request.member.id };
      return gatewayContext(hopPrivateKey, principal, 'MEMBER_SELF_SERVICE', `${officer.requestId}-${suffix}`.slice(0, 64));
    };
    const record = await run(apollo, MEMBER_RECORD, {}, asMember('record'));
    const edi = await run(apollo, MEMBER_EDI, {}, asMember('edi'));
    const failed = [...(record.errors ?? []), ...(edi.errors ?? [])];
    if (failed.length > 0 || !record.data?.me) {
      // A report with a part missing would mislead the member: none, rather than an incomplete one.
      refuse(res, 503, 'ACCESS_REPORT_INCOMPLETE', 'part of the member\'s information could not be gathered; nothing was exported, try again shortly', {
        causes: failed.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
      });
      return;
    }
    const report = renderAccessReport({ request, member: record.data.me, edi: edi.data?.me?.edi ?? null, preparedOn: today() });
    res
      .status(200)
      .type('text/markdown; charset=utf-8')
      .set('content-disposition', `attachment; filename="access-report-${request.id}.md"`)
      .set('cache-control', 'no-store')
      .send(report);
  };
}
