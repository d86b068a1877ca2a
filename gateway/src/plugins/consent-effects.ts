import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { callSubgraph, type Effect, type SubgraphUrl } from '../subgraph-call.js';

const ERASE_EDI: Effect = { subgraph: 'member', field: 'Mutation.eraseEdiAnswers', query: 'mutation EraseEdiAnswers($memberIds: [ID!]!) { eraseEdiAnswers(memberIds: $memberIds) }' };
const RECORD_CONSENTS: Effect = { subgraph: 'privacy', field: 'Mutation.recordConsentGrants', query: 'mutation RecordConsentGrants($grants: [ConsentGrantInput!]!) { recordConsentGrants(grants: $grants) }' };

/**
 * Internal graph: consent has effects in subgraphs other than the one that took the decision.
 * Before the member gets an answer, the gateway
 * - records in the privacy subgraph's consent log the consent a member gave with their EDI answers
 *   (a gateway effect call: no client can make it), and
 * - has the member subgraph erase the EDI answers of a member whose EDI consent was withdrawn (an
 *   effect call too: the withdrawal may have been recorded by the privacy office, not the member).
 * A failure is reported with a code; asking again repeats the effect (both are idempotent).
 */
export function consentEffectsPlugin(subgraphUrl: SubgraphUrl): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const grants = contextValue.notices.flatMap((n) => (n.kind === 'consent' ? [{ memberId: n.memberId, purpose: n.purpose }] : []));
          const erasures = [...new Set(contextValue.notices.flatMap((n) => (n.kind === 'erasure' ? [n.memberId] : [])))];
          if (grants.length > 0) {
            try {
              await callSubgraph(subgraphUrl, contextValue, RECORD_CONSENTS, { grants });
            } catch (error) {
              log.error({ err: loggableError(error) }, 'consent not recorded');
              result.errors = [...(result.errors ?? []), { message: 'the answers are saved but the consent could not be recorded yet; ask again to finish', extensions: { code: 'CONSENT_NOT_RECORDED' } }];
            }
          }
          if (erasures.length > 0) {
            try {
              await callSubgraph(subgraphUrl, contextValue, ERASE_EDI, { memberIds: erasures });
            } catch (error) {
              log.error({ err: loggableError(error) }, 'EDI answers not erased after consent withdrawal');
              result.errors = [...(result.errors ?? []), { message: 'the withdrawal is recorded but the EDI answers could not be erased yet; ask again to finish', extensions: { code: 'ERASURE_INCOMPLETE' } }];
            }
          }
        },
      };
    },
  };
}
