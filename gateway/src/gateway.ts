import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { jsonErrorHandler, listen, maskInternalErrors, mountHealth } from '@mutual-graph/platform';
import express from 'express';
import type { GatewayConfig } from './config.js';
import { AuditLog } from './audit/audit-log.js';
import { createAuthenticator } from './authentication.js';
import { gatewayContextFactory, type GatewayContext } from './context.js';
import { operationPolicyPlugin } from './plugins/operation-policy.js';
import { PolicyIndex } from './policy-index.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { supergraphFromFile } from './supergraph-source.js';

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  /** Subgraph URL by name, as the gateway actually calls them. */
  subgraphs: Map<string, string>;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const subgraphs = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(config.supergraphPath),
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url!;
      subgraphs.set(name, target);
      return new SubgraphDataSource(name, target);
    },
  });

  const policy = new PolicyIndex();
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => policy.update(coreSupergraphSdl));
  const authenticate = await createAuthenticator(config.authentication);
  const audit = await AuditLog.open(config.auditDatabaseUrl);

  const app = express();
  app.disable('x-powered-by');
  const listening = await listen(app, config.host, config.port);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors('gateway'),
    // The request path, in order: (context: authentication, purpose) → operation policy → plan → signed hop.
    plugins: [
      operationPolicyPlugin(policy, audit),
      ApolloServerPluginDrainHttpServer({ httpServer: listening.server }),
      // Analysts explore the internal graph in the embedded Apollo Sandbox, pointed at this endpoint.
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({
            embed: { endpointIsEditable: false },
            includeCookies: false,
            // Every request names who asks and why: Sandbox opens with both headers to fill in.
            headers: { Authorization: 'Bearer <a token: npm run -s token -- --sub you --purposes RISK_MANAGEMENT>', 'X-Purpose-Of-Use': 'RISK_MANAGEMENT' },
          })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  mountHealth(app, 'gateway', {
    supergraph: async () => subgraphs.size > 0,
    audit: () => audit.isReachable(),
    ...Object.fromEntries(
      [...subgraphs].map(([name, url]) => [
        `subgraph:${name}`,
        async () => (await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1000) })).ok,
      ]),
    ),
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: gatewayContextFactory(authenticate, config.hopPrivateKey, audit) }));
  app.use(jsonErrorHandler);

  return {
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    subgraphs,
    async stop() {
      await apollo.stop();
      await audit.close();
    },
  };
}
