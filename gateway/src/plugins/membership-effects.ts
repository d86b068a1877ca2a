import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';
import { callSubgraph, type Effect, type SubgraphUrl } from '../subgraph-call.js';

const SYNC: Effect = {
  subgraph: 'case',
  field: 'Mutation.syncProtectionPeriods',
  query: `mutation SyncProtectionPeriods($memberId: ID!, $periods: [ProtectionPeriodInput!]!) {
  syncProtectionPeriods(memberId: $memberId, periods: $periods)
}`,
};

const PRACTICE: Effect = {
  subgraph: 'member',
  field: 'Mutation.syncMemberPractice',
  query: `mutation SyncMemberPractice($memberId: ID!, $province: Province!, $specialty: String!) {
  syncMemberPractice(memberId: $memberId, province: $province, specialty: $specialty)
}`,
};

/**
 * Internal graph: when the member subgraph changes a member's periods of protection, the case
 * subgraph's copy (its exposure for Member Support Program identification) is replaced before
 * the answer goes out, by a gateway effect call no client can make; when it sets or changes a
 * member's practice, so is the EDI store's copy (what EDI releases count by province and
 * specialty). A failure is reported with a code; repeating a change of periods repeats its copy, and
 * every setup of the stack mends the practice copy (the EDI store's reconcile).
 */
export function membershipEffectsPlugin(subgraphUrl: SubgraphUrl): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const notice of contextValue.notices) {
            if (notice.kind === 'member-practice') {
              try {
                const data = await callSubgraph(subgraphUrl, contextValue, PRACTICE, { memberId: notice.memberId, province: notice.province, specialty: notice.specialty });
                if (data.syncMemberPractice !== true) throw new Error('practice not copied');
              } catch (error) {
                log.error({ err: loggableError(error) }, 'practice not copied to the EDI store');
                const result = response.body.singleResult;
                result.errors = [...(result.errors ?? []), { message: 'the change is recorded but not yet shared with EDI reporting; the next setup of the stack copies it', extensions: { code: 'PRACTICE_NOT_SHARED' } }];
              }
              continue;
            }
            if (notice.kind !== 'membership-periods') continue;
            try {
              const data = await callSubgraph(subgraphUrl, contextValue, SYNC, { memberId: notice.memberId, periods: notice.periods });
              if (data.syncProtectionPeriods !== notice.periods.length) throw new Error(`copied ${String(data.syncProtectionPeriods)} of ${notice.periods.length} periods`);
            } catch (error) {
              log.error({ err: loggableError(error) }, 'periods not copied to the case subgraph');
              const result = response.body.singleResult;
              result.errors = [...(result.errors ?? []), { message: 'the change is recorded but not yet shared with casework; repeat it to finish', extensions: { code: 'PERIODS_NOT_SHARED' } }];
            }
          }
        },
      };
    },
  };
}
