import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphContext } from './context.js';
import { MEMBERS_READ_EXTENSION } from './members-read.js';

/**
 * What a subgraph tells the gateway about a request beside its data: facts the gateway must act
 * on before it answers (a partner confirmation is a disclosure to record, and the partner is told
 * nothing unless it is). Carried in the response's `extensions.gatewayNotices`; the gateway takes
 * them out before a client sees them. Effects that may follow the answer are not notices: they go
 * to the source's outbox with the change itself (effects/deferred-effects.ts).
 */
export type GatewayNotice =
  /** A partner was told something about a member (or NO_MEMBER: asked about no one on file): record it in the disclosure log. */
  { kind: 'disclosure'; memberId: string; categories: string[]; description: string };

export const NOTICES_EXTENSION = 'gatewayNotices';

/**
 * The one subgraph each kind of notice may come from: the gateway acts on a notice only from the
 * subgraph whose data it is about (a subgraph that could send any notice could write another's store).
 */
export const NOTICE_SOURCES: Record<GatewayNotice['kind'], string> = {
  disclosure: 'member',
};

/**
 * The member a partner confirmation names when the number asked about is no member's: the nil UUID,
 * which no member has. Such a confirmation is recorded like any other (the same notice, the same
 * call to the privacy subgraph, the same INSERT) so that its answer costs what a former member's does
 * and its timing tells nothing; the record discloses nothing (no categories) and names no one.
 */
export const NO_MEMBER = '00000000-0000-0000-0000-000000000000';

/**
 * What the gateway alone hears beside a response's data, in its extensions: the notices to act on,
 * and the members whose personal fields the request read (for its audit record, members-read.ts).
 * The gateway takes both out before a client sees the answer.
 */
export function gatewayNoticesPlugin(): ApolloServerPlugin<SubgraphContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { notices, membersRead } = contextValue;
          const extensions = {
            ...(notices?.length ? { [NOTICES_EXTENSION]: notices } : {}),
            ...(membersRead?.size ? { [MEMBERS_READ_EXTENSION]: [...membersRead] } : {}),
          };
          if (Object.keys(extensions).length > 0) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, ...extensions };
        },
      };
    },
  };
}
