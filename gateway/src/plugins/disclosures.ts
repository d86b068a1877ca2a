import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { DisclosureBatches } from './disclosure-batches.js';
import type { SubgraphUrl } from '../subgraph-call.js';

/**
 * Partner graph: every confirmation about a member is a disclosure. The member subgraph says so
 * in a notice; before the partner gets its answer, the privacy subgraph records who received
 * what, when (confirmations arriving together are recorded together). If that record cannot be
 * written, the partner gets no answer (fail closed).
 */
export function recordDisclosuresPlugin(subgraphUrl: SubgraphUrl): ApolloServerPlugin<GatewayContext> {
  const batches = new DisclosureBatches(subgraphUrl);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const disclosures = contextValue.notices.flatMap((n) => (n.kind === 'disclosure' ? [n] : []));
          if (disclosures.length === 0 || response.body.kind !== 'single') return;
          try {
            const { principal, purpose } = contextValue;
            await batches.record(
              `${principal.partnerId ?? ''}\u0000${purpose}`,
              disclosures.map(({ memberId, categories, description }) => ({ memberId, categories, description })),
              contextValue,
            );
          } catch (error) {
            log.error({ err: loggableError(error) }, 'disclosure not recorded, answer withheld');
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
