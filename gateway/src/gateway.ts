import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { graphqlHandler, jsonErrorHandler, listen, mountHealth, mountMetrics, requestLogPlugin } from '@mutual-graph/platform';
import express from 'express';
import { AuditLog } from './audit/audit-log.js';
import { createAuthenticator } from './authentication/authenticator.js';
import type { GatewayConfig } from './config.js';
import { accessReportRoute } from './access-report/access-report-route.js';
import { PORTABILITY_SCHEMA_ROUTE } from './portability/portability-schema.js';
import { portabilityRoute, portabilitySchemaRoute } from './portability/portability-route.js';
import { boundedBatches } from './batching.js';
import { DEFAULT_LIMITS } from './limits.js';
import { authenticationEvents, log, metrics } from './observability.js';
import { gatewayContextFactory } from './context.js';
import { startGraph } from './graph.js';
import { operationPolicyPlugin } from './plugins/operation-policy.js';
import { auditedAnswerPlugin } from './plugins/audited-answer.js';
import { loadRegisteredOperations, registeredOperationsPlugin } from './plugins/registered-operations.js';
import { internalPurpose, partnerPurpose } from './purpose.js';

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  partnerGraphqlUrl: string;
  /** Subgraph URL by name, as the gateway actually calls them. */
  subgraphs: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * Switches for measurement only. They are an argument of `startGateway`, not part of
 * `GatewayConfig`: nothing read from the environment reaches them, and `server.ts`, the only
 * entry a deployment runs, never passes any.
 */
export interface BenchOnlySwitches {
  /**
   * Leave the policy layer out: no whole-operation decision and no audit record of it. What the
   * subgraphs ask of the gateway (the disclosure log) still happens, and the
   * subgraphs still enforce the matrix field by field (their shield), as in every target.
   */
  withoutPolicyLayer?: boolean;
}

/**
 * The gateway: the internal graph on /graphql and the partner contract on /partner/graphql.
 * The request path, in order: context (authentication → purpose) → [registered operations] →
 * operation policy and audit → query plan → signed hop to subgraphs.
 */
export async function startGateway(config: GatewayConfig, bench: BenchOnlySwitches = {}): Promise<RunningGateway> {
  const policyLayer = !bench.withoutPolicyLayer;
  const authenticate = await createAuthenticator(config.authentication, authenticationEvents);
  const audit = await AuditLog.open(config.auditDatabaseUrl);
  const partnerOperations = loadRegisteredOperations(config.partnerOperationsDir);

  const app = express();
  app.disable('x-powered-by');
  const listening = await listen(app, config.host, config.port);
  const drain = ApolloServerPluginDrainHttpServer({ httpServer: listening.server });

  const limits = config.limits ?? DEFAULT_LIMITS;
  let internalSubgraphs = new Map<string, string>();
  const internal = await startGraph({
    name: 'internal',
    supergraphPath: config.supergraphPath,
    subgraphUrls: config.subgraphUrls,
    introspection: true,
    limits: limits.internal,
    plugins: (policy) => [
      requestLogPlugin(log, metrics),
      ...(policyLayer ? [operationPolicyPlugin(policy, audit, config.introspection ?? 'all', metrics), auditedAnswerPlugin(audit, { disclosures: false })] : []),
      drain,
      // Analysts explore the internal graph in the embedded Apollo Sandbox, pointed at this endpoint.
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({
            embed: { endpointIsEditable: false },
            includeCookies: false,
            // Every request names who asks and why: Sandbox opens with both headers to fill in.
            headers: {
              Authorization: config.authentication.jwksUrl
                ? `Bearer <an access token from ${config.authentication.issuer}: npm run -s sign-in -- --issuer ${config.authentication.issuer} --client-id <your client>>`
                : 'Bearer <a token: npm run -s token -- --sub you --purposes RISK_MANAGEMENT>',
              'X-Purpose-Of-Use': 'RISK_MANAGEMENT',
            },
          })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  internalSubgraphs = internal.subgraphs;
  const partner = await startGraph({
    name: 'partner',
    supergraphPath: config.partnerSupergraphPath,
    subgraphUrls: config.subgraphUrls,
    // Partners get answers to registered operations, not a map of the graph.
    introspection: false,
    limits: limits.partner,
    plugins: (policy) => [
      requestLogPlugin(log, metrics),
      registeredOperationsPlugin(partnerOperations),
      ...(policyLayer ? [operationPolicyPlugin(policy, audit, 'all', metrics, 'with-run')] : []),
      // With or without the policy layer: no confirmation is answered before its disclosure is on record.
      auditedAnswerPlugin(audit, { disclosures: true }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });

  mountMetrics(app, metrics);
  mountHealth(app, 'gateway', {
    supergraph: () => internal.subgraphs.size > 0,
    'partner-supergraph': () => partner.subgraphs.size > 0,
    audit: () => audit.isReachable(),
    // Until the identity provider's keys have been fetched once, no token can be verified.
    ...(config.authentication.jwksUrl ? { 'identity-provider-keys': () => authenticate.ready() } : {}),
    ...Object.fromEntries([...internal.subgraphs].map(([name, url]) => [`subgraph:${name}`, async () => (await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1000) })).ok])),
  });
  const internalContext = gatewayContextFactory(authenticate, internalPurpose, config.hopPrivateKey, audit);
  const partnerContext = gatewayContextFactory(authenticate, partnerPurpose, config.hopPrivateKey, audit);
  app.use(
    '/graphql',
    express.json({ limit: limits.internal.maxBodyBytes }),
    boundedBatches(internal.apollo, internalContext, limits.internal.maxBatch),
    graphqlHandler(internal.apollo, internalContext),
  );
  app.get(
    '/privacy/access-reports/:requestId',
    accessReportRoute(internal.apollo, internalContext, config.hopPrivateKey, (name) => internalSubgraphs.get(name)),
  );
  // The schema first: its path would otherwise be taken for a request id.
  app.get(PORTABILITY_SCHEMA_ROUTE, portabilitySchemaRoute());
  app.get(
    '/privacy/portability/:requestId',
    portabilityRoute(internal.apollo, internalContext, config.hopPrivateKey, (name) => internalSubgraphs.get(name)),
  );
  app.use(
    '/partner/graphql',
    express.json({ limit: limits.partner.maxBodyBytes }),
    boundedBatches(partner.apollo, partnerContext, limits.partner.maxBatch),
    graphqlHandler(partner.apollo, partnerContext),
  );
  app.use(jsonErrorHandler(log));

  return {
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    partnerGraphqlUrl: `${listening.url}/partner/graphql`,
    subgraphs: internal.subgraphs,
    async stop() {
      await partner.apollo.stop();
      await internal.apollo.stop();
      await audit.close();
      authenticate.close();
    },
  };
}
