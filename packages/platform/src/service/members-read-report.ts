import type { ApolloServerPlugin } from '@apollo/server';
import { MEMBERS_READ_EXTENSION } from './members-read.js';

/**
 * Reports to the gateway, in the response's `extensions.membersRead`, the members whose personal
 * fields this request resolved, for the gateway's audit record of the operation. The gateway takes
 * the extension out before a client sees the answer.
 */
export function membersReadReportPlugin(): ApolloServerPlugin<{ membersRead: Set<string> }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.membersRead || contextValue.membersRead.size === 0) return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, [MEMBERS_READ_EXTENSION]: [...contextValue.membersRead] };
        },
      };
    },
  };
}
