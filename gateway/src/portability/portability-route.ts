import { readFileSync } from 'node:fs';
import type { ApolloServer } from '@apollo/server';
import { today } from '@mutual-graph/domain-codes';
import { PORTABILITY_SCHEMA_PATH } from '@mutual-graph/schema';
import type { Request, RequestHandler } from 'express';
import type { JWK } from 'jose';
import type { GatewayContext } from '../context.js';
import { RECORD_PORTABILITY_RELEASE } from '../effects/operations.js';
import { memberReleaseRoute } from '../member-release/member-release-route.js';
import { log } from '../observability.js';
import { PortabilityEdiDocument, PortabilityExportDocument, PortabilityRequestDocument } from '../operations.generated.js';
import type { SubgraphUrl } from '../subgraph-call.js';
import { portabilityExporter, type PortabilityExport } from './portability-export.js';

type ContextOf = (input: { req: Request }) => Promise<GatewayContext>;

/** The published schema, as committed (`schema/portability.schema.json`): what the gateway serves, and holds every export to. */
export const publishedPortabilitySchema = (): Record<string, unknown> => JSON.parse(readFileSync(PORTABILITY_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

/** GET /privacy/portability/schema.json — the published schema; no token, it holds no one's information. */
export function portabilitySchemaRoute(): RequestHandler {
  const text = JSON.stringify(publishedPortabilitySchema(), null, 2);
  return (_req, res) => {
    res.status(200).type('application/schema+json; charset=utf-8').set('cache-control', 'public, max-age=3600').send(text);
  };
}

/**
 * GET /privacy/portability/:requestId — the member's information in a structured, commonly used
 * format (s. 27): what they gave the organisation (the fields the graph declares
 * `@provenance(source: MEMBER)`), as JSON described by the published schema. Released by the steps
 * every release to the member shares (member-release-route.ts): cleared like the access report,
 * gathered as the member, EDI on its own, recorded on their disclosures before it is sent. An
 * export that does not match the published schema is not sent, nor recorded (503).
 */
export function portabilityRoute(apollo: ApolloServer<GatewayContext>, contextOf: ContextOf, hopPrivateKey: JWK, subgraphUrl: SubgraphUrl): RequestHandler {
  const exported = portabilityExporter(publishedPortabilitySchema());
  return memberReleaseRoute(apollo, contextOf, hopPrivateKey, subgraphUrl, {
    clearance: PortabilityRequestDocument,
    async gather(asMember, request): Promise<PortabilityExport | null> {
      const given = await asMember(PortabilityExportDocument, 'portability');
      const edi = await asMember(PortabilityEdiDocument, 'portability-edi');
      if (!given?.me || !edi) return null;
      const outcome = exported({ requestId: request.id, preparedOn: today(), member: given.me, edi: edi.me?.edi ?? null });
      if ('document' in outcome) return outcome.document;
      log.error({ requestId: request.id, nonconformity: outcome.nonconformity }, 'portability export does not match its published schema: not sent');
      return null;
    },
    record: RECORD_PORTABILITY_RELEASE,
    send(res, document, request) {
      res
        .status(200)
        .type('application/json; charset=utf-8')
        .set('content-disposition', `attachment; filename="portability-${request.id}.json"`)
        .set('cache-control', 'no-store')
        .send(`${JSON.stringify(document, null, 2)}\n`);
    },
  });
}
