import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityClass } from '@mikro-orm/core';
import { requestMayReadReplica } from '../database/read-replica.js';
import { allowReplicaReads, type SubgraphContext } from './context.js';

/**
 * Once the operation is known (before any resolver runs), lets a client's GraphQL query read the
 * subgraph's `replicaSafe` entities from the read replica; a mutation, a peer's call, or a request
 * that never resolves an operation reads only the primary (read-replica.ts says which reads move).
 * `replicaUsable` (the lag guard, replica-lag.ts) is asked once per request: while the replica is
 * further behind than the bound, or its lag is unknown, the whole request reads the primary.
 */
export function readReplicaPlugin(replicaSafe: readonly EntityClass<object>[], replicaUsable: () => boolean = () => true): ApolloServerPlugin<SubgraphContext<unknown>> {
  return {
    async requestDidStart() {
      if (replicaSafe.length === 0) return;
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (requestMayReadReplica(operation?.operation, contextValue.hop) && replicaUsable()) allowReplicaReads(contextValue, replicaSafe);
        },
      };
    },
  };
}
