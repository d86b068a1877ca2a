import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

const RECORD = 'mutation RecordDisclosures($disclosures: [DisclosureInput!]!) { recordDisclosures(disclosures: $disclosures) }';

/**
 * Partner graph: every confirmation about a member is a disclosure. The member subgraph says so
 * in a notice; before the partner gets its answer, the privacy subgraph records who received
 * what, when. If that record cannot be written, the partner gets no answer (fail closed).
 */
export function recordDisclosuresPlugin(privacyUrl: () => string | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const disclosures = contextValue.notices.flatMap((n) => (n.kind === 'disclosure' ? [n] : []));
          if (disclosures.length === 0 || response.body.kind !== 'single') return;
          try {
            const url = privacyUrl();
            if (!url) throw new Error('no privacy subgraph in the partner supergraph');
            const answer = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${await contextValue.effectToken()}`, 'x-request-id': contextValue.requestId },
              body: JSON.stringify({ query: RECORD, variables: { disclosures: disclosures.map(({ memberId, categories, description }) => ({ memberId, categories, description })) } }),
              signal: AbortSignal.timeout(5000),
            });
            const body = (await answer.json()) as { data?: { recordDisclosures?: number }; errors?: unknown[] };
            if (body.errors || body.data?.recordDisclosures !== disclosures.length) throw new Error(`privacy subgraph answered ${JSON.stringify(body.errors ?? body.data)}`);
          } catch (error) {
            console.error('[gateway:partner] disclosure not recorded, answer withheld:', (error as Error).message);
            response.body.singleResult = {
              errors: [{ message: 'the disclosure could not be recorded, so nothing was disclosed; try again shortly', extensions: { code: 'DISCLOSURE_NOT_RECORDED' } }],
            };
            if (response.http) response.http.status = 503;
          }
        },
      };
    },
  };
}
