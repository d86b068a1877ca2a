import type { ApolloServerPlugin } from '@apollo/server';
import { unauthenticated } from '@mutual-graph/policy';
import { Kind } from 'graphql';

/**
 * A hop token binds the operation text and variables, not `operationName`: in a document with
 * several operations, the name in the body would choose one the gateway never decided on. The
 * gateway sends one operation per fetch (a query plan's fetch, an effect, a peer call's declared
 * query), so a subgraph runs documents of exactly one operation and refuses the rest, as it
 * refuses a token signed for another request (UNAUTHENTICATED; `onRefusal` logs and counts it).
 */
export function oneOperationPlugin(onRefusal: () => void = () => {}): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
          if (operations !== 1) {
            onRefusal();
            throw unauthenticated('the gateway token was signed for another request: a subgraph runs one operation per request');
          }
        },
      };
    },
  };
}
