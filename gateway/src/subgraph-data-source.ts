import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context.js';
import { subgraphFetcher } from './subgraph-fetcher.js';
import { log, metrics } from './observability.js';
import { GraphQLError } from 'graphql';
import { isUuid, loggableError, REQUEST_ID_HEADER, MEMBERS_READ_EXTENSION, NOTICE_SOURCES, NOTICES_EXTENSION, type GatewayNotice } from '@mutual-graph/platform';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

/** What a proxy answers when the server behind it did not: Bad Gateway, Gateway Timeout. */
const PROXY_FOUND_NO_ANSWER = new Set([502, 504]);

/** Errors that mean the request never left the gateway: nothing it asked can have happened. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function neverSent(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) if (NEVER_SENT.has(String(e.code))) return true;
  return false;
}

/** Whether a fetch carried a mutation (the gateway plans a mutation's root fields as `mutation` fetches, its follow-ups as queries); unknown counts as one. */
const carriesMutation = (request: { query?: string } | undefined) => typeof request?.query !== 'string' || /^\s*mutation\b/.test(request.query);

/**
 * The hop from gateway to subgraph. Fetches with node:http (subgraph-fetcher.ts: faster than Node's
 * fetch, which was faster than the default make-fetch-happen) and carries the request id so one
 * request can be followed across services.
 * Every fetch carries the gateway's signed statement of who asks and why (the hop token):
 * subgraphs answer nothing else.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string) {
    super({ url, fetcher: subgraphFetcher });
    this.name = name;
  }

  readonly name: string;

  // Signed per fetch, for exactly what it asks (see HopBinding): a token taken from this hop's
  // traffic serves no other request, at no other subgraph.
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Health checks and schema loads carry no request context (only an incoming operation has an
    // incomingRequestContext); subgraphs refuse them, as they should.
    if (!('incomingRequestContext' in options) || !options.context?.hopToken) return;
    const { request, context } = options;
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set('authorization', `Bearer ${await context.hopToken(this.name, request.query ?? '', request.variables ?? {})}`);
    for (const [header, token] of Object.entries(await context.peerTokens(this.name))) request.http?.headers.set(header, String(token));
  }

  /**
   * A subgraph that failed to answer is counted, by name. One that could not be reached at all
   * (down, restarting) is reported as SUBGRAPH_UNAVAILABLE, naming the subgraph and not its
   * address; the gateway answers what the other subgraphs can. So is a 502 or 504 at its address:
   * a load balancer in front of the subgraph's replicas (packages/cluster's nginx) answering that
   * none of them did. A mutation that may have reached the subgraph (a 502 or 504, a connection
   * lost after sending) is SUBGRAPH_OUTCOME_UNKNOWN instead: the change may have been made, so the
   * client is told to read before sending it again, never to try again.
   */
  override didEncounterError(
    error: Error,
    fetchRequest: Parameters<RemoteGraphQLDataSource['didEncounterError']>[1],
    fetchResponse?: Parameters<RemoteGraphQLDataSource['didEncounterError']>[2],
    context?: GatewayContext,
    // Apollo passes the GraphQL request it sent (its fetchRequest's body is a stream by then).
    request?: { query?: string },
  ): void {
    metrics.subgraphErrors.inc({ subgraph: this.name });
    if (!fetchResponse || PROXY_FOUND_NO_ANSWER.has(fetchResponse.status)) {
      log.warn({ subgraph: this.name, requestId: context?.requestId, err: loggableError(error) }, 'subgraph unreachable');
      if (carriesMutation(request) && (fetchResponse || !neverSent(error))) {
        throw new GraphQLError(`the ${this.name} subgraph stopped answering while it had this change: it may or may not have been made; read it back before sending it again`, {
          extensions: { code: 'SUBGRAPH_OUTCOME_UNKNOWN', subgraph: this.name },
        });
      }
      throw new GraphQLError(`the ${this.name} subgraph did not answer; try again shortly`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.name } });
    }
    super.didEncounterError(error, fetchRequest, fetchResponse, context);
  }

  /**
   * Takes what the subgraph tells the gateway alone out of its response, into the request's context:
   * its notices, and the members it read (for the audit record).
   */
  override didReceiveResponse({ response, context }: { response: GatewayGraphQLResponse; context: GatewayContext }): GatewayGraphQLResponse {
    const notices = response.extensions?.[NOTICES_EXTENSION] as GatewayNotice[] | undefined;
    if (notices) {
      for (const notice of Array.isArray(notices) ? notices : []) {
        if (NOTICE_SOURCES[notice?.kind] === this.name) context.notices.push(notice);
        else log.warn({ subgraph: this.name, kind: String(notice?.kind).slice(0, 40), requestId: context?.requestId }, 'notice from a subgraph it does not belong to, ignored');
      }
      delete response.extensions![NOTICES_EXTENSION];
    }
    const membersRead: unknown = response.extensions?.[MEMBERS_READ_EXTENSION];
    if (membersRead !== undefined) {
      // Only ids go into the audit: anything else a subgraph sent would be a bug, not a member.
      if (Array.isArray(membersRead)) for (const id of membersRead) if (isUuid(id)) context.membersRead?.add(id.toLowerCase());
      delete response.extensions![MEMBERS_READ_EXTENSION];
    }
    return response;
  }
}
