import type { ApolloServer } from '@apollo/server';
import { today } from '@mutual-graph/domain-codes';
import type { Request, RequestHandler } from 'express';
import type { JWK } from 'jose';
import type { GatewayContext } from '../context.js';
import { memberReleaseRoute } from '../member-release/member-release-route.js';
import { AccessReportDocument, AccessReportEdiDocument, AccessReportRequestDocument } from '../operations.generated.js';
import { RECORD_ACCESS_REPORT_RELEASE } from '../effects/operations.js';
import type { SubgraphUrl } from '../subgraph-call.js';
import { renderAccessReport } from './render-access-report.js';

type ContextOf = (input: { req: Request }) => Promise<GatewayContext>;

/**
 * GET /privacy/access-reports/:requestId — the privacy office's readable export for an ACCESS
 * request, released by the steps every release to the member shares (member-release-route.ts):
 * everything the member's own record holds but EDI, then EDI on its own, rendered as Markdown.
 */
export function accessReportRoute(apollo: ApolloServer<GatewayContext>, contextOf: ContextOf, hopPrivateKey: JWK, subgraphUrl: SubgraphUrl): RequestHandler {
  return memberReleaseRoute(apollo, contextOf, hopPrivateKey, subgraphUrl, {
    clearance: AccessReportRequestDocument,
    async gather(asMember) {
      const record = await asMember(AccessReportDocument, 'record');
      const edi = await asMember(AccessReportEdiDocument, 'edi');
      return record?.me ? { member: record.me, edi: edi?.me?.edi ?? null } : null;
    },
    record: RECORD_ACCESS_REPORT_RELEASE,
    send(res, { member, edi }, request) {
      const report = renderAccessReport({ request, member, edi, preparedOn: today() });
      res.status(200).type('text/markdown; charset=utf-8').set('content-disposition', `attachment; filename="access-report-${request.id}.md"`).set('cache-control', 'no-store').send(report);
    },
  });
}
