import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { maskInternalErrors } from '@mutual-graph/platform';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { supergraphFromFile } from './supergraph-source.js';
import { PolicyIndex } from './policy-index.js';
import type { GatewayContext } from './context.js';
import { log } from './observability.js';
import { armorFor, formatLimitRefusal, parseOptionsFor, type OperationLimits } from './limits.js';

export interface GraphOptions {
  name: string;
  supergraphPath: string;
  subgraphUrls: Record<string, string>;
  introspection: boolean;
  limits: OperationLimits;
  /** Plugins in request order, given the graph's own policy index. */
  plugins: (policy: PolicyIndex) => ApolloServerPlugin<GatewayContext>[];
}

export interface Graph {
  apollo: ApolloServer<GatewayContext>;
  /** Subgraph URL by name, as this graph actually calls them. */
  subgraphs: Map<string, string>;
}

/**
 * One served graph: an Apollo gateway on a static supergraph file (reloaded when it changes),
 * its own field-category index, and an Apollo Server running the request path's plugins.
 */
export async function startGraph(options: GraphOptions): Promise<Graph> {
  const subgraphs = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphPath),
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url!;
      subgraphs.set(name, target);
      return new SubgraphDataSource(name, target);
    },
  });
  const policy = new PolicyIndex();
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => policy.update(coreSupergraphSdl));
  const armor = armorFor(options.limits);
  const mask = maskInternalErrors(log.child({ graph: options.name }));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // The process stops both graphs itself on SIGTERM (server.ts): Apollo's own handler would stop
    // one graph and re-raise the signal, ending the process with the other graph's requests in flight.
    stopOnTerminationSignals: false,
    // Batches are taken apart before Apollo sees them (batching.ts), one context per operation.
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: parseOptionsFor(options.limits),
    formatError: (formatted, error) => formatLimitRefusal(formatted, error) ?? mask(formatted, error),
    // The limits first: an operation over them is refused before the policy walks it. (armor is typed
    // against the CommonJS build of @apollo/server; the plugins are the same objects.)
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[]), ...options.plugins(policy)],
  });
  await apollo.start();
  return { apollo, subgraphs };
}
