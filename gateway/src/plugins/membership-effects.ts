import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

const SYNC = `mutation SyncProtectionPeriods($memberId: ID!, $periods: [ProtectionPeriodInput!]!) {
  syncProtectionPeriods(memberId: $memberId, periods: $periods)
}`;

/**
 * Internal graph: when the member subgraph changes a member's periods of protection, the case
 * subgraph's copy (its exposure for Member Support Program identification) is replaced before
 * the answer goes out, by a gateway effect call no client can make. A failure is reported with a
 * code; repeating the change repeats the copy.
 */
export function membershipEffectsPlugin(subgraphUrl: (name: string) => string | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const notice of contextValue.notices) {
            if (notice.kind !== 'membership-periods') continue;
            try {
              const url = subgraphUrl('case');
              if (!url) throw new Error('no case subgraph in the supergraph');
              const answer = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${await contextValue.effectToken()}`, 'x-request-id': contextValue.requestId },
                body: JSON.stringify({ query: SYNC, variables: { memberId: notice.memberId, periods: notice.periods } }),
                signal: AbortSignal.timeout(5000),
              });
              const body = (await answer.json()) as { data?: { syncProtectionPeriods?: number }; errors?: unknown[] };
              if (body.errors || body.data?.syncProtectionPeriods !== notice.periods.length) throw new Error(JSON.stringify(body.errors ?? body.data));
            } catch (error) {
              console.error('[gateway] periods not copied to the case subgraph:', (error as Error).message);
              const result = response.body.singleResult;
              result.errors = [...(result.errors ?? []), { message: 'the change is recorded but not yet shared with casework; repeat it to finish', extensions: { code: 'PERIODS_NOT_SHARED' } }];
            }
          }
        },
      };
    },
  };
}
