import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

const ERASE_EDI = 'mutation EraseEdiAnswers { deleteMyEdiAnswers }';

/**
 * Internal graph: when a subgraph reports that a member's data in an isolated store must go (EDI
 * consent withdrawn in the privacy subgraph), the gateway has the subgraph that holds it delete
 * it, as that same member, before the member gets an answer. If the erasure fails the member is
 * told so, with a code, and asking again repeats it; the withdrawal itself already stands.
 */
export function erasuresPlugin(memberUrl: () => string | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const erasures = contextValue.notices.filter((n) => n.kind === 'erasure');
          if (erasures.length === 0 || response.body.kind !== 'single') return;
          try {
            const url = memberUrl();
            if (!url) throw new Error('no member subgraph in the supergraph');
            const answer = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${await contextValue.hopToken()}`, 'x-request-id': contextValue.requestId },
              body: JSON.stringify({ query: ERASE_EDI }),
              signal: AbortSignal.timeout(5000),
            });
            const body = (await answer.json()) as { data?: { deleteMyEdiAnswers?: boolean }; errors?: unknown[] };
            if (body.errors || typeof body.data?.deleteMyEdiAnswers !== 'boolean') throw new Error(`member subgraph answered ${JSON.stringify(body.errors ?? body.data)}`);
          } catch (error) {
            console.error('[gateway] EDI answers not erased after consent withdrawal:', (error as Error).message);
            const result = response.body.singleResult;
            result.errors = [
              ...(result.errors ?? []),
              { message: 'the withdrawal is recorded but the EDI answers could not be erased yet; ask again to finish', extensions: { code: 'ERASURE_INCOMPLETE' } },
            ];
          }
        },
      };
    },
  };
}
