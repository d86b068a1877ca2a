import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayNotice } from '@mutual-graph/platform';
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
/** A copy another store keeps of the member subgraph's data: its effect, what it is sent, how its answer is checked, and what a client is told when it fails. */
interface Copy<K extends GatewayNotice['kind']> {
  effect: Effect;
  variables(notice: Extract<GatewayNotice, { kind: K }>): Record<string, unknown>;
  /** Why the answer is not the copy done, or null. */
  wrong(data: Record<string, unknown>, notice: Extract<GatewayNotice, { kind: K }>): string | null;
  log: string;
  refusal: { message: string; code: string };
}

const COPIES: { [K in 'membership-periods' | 'member-practice']: Copy<K> } = {
  'membership-periods': {
    effect: SYNC,
    variables: (n) => ({ memberId: n.memberId, periods: n.periods }),
    wrong: (data, n) => (data.syncProtectionPeriods === n.periods.length ? null : `copied ${String(data.syncProtectionPeriods)} of ${n.periods.length} periods`),
    log: 'periods not copied to the case subgraph',
    refusal: { message: 'the change is recorded but not yet shared with casework; repeat it to finish', code: 'PERIODS_NOT_SHARED' },
  },
  'member-practice': {
    effect: PRACTICE,
    variables: (n) => ({ memberId: n.memberId, province: n.province, specialty: n.specialty }),
    wrong: (data) => (data.syncMemberPractice === true ? null : 'practice not copied'),
    log: 'practice not copied to the EDI store',
    refusal: { message: 'the change is recorded but not yet shared with EDI reporting; the next setup of the stack copies it', code: 'PRACTICE_NOT_SHARED' },
  },
};

export function membershipEffectsPlugin(subgraphUrl: SubgraphUrl): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const notice of contextValue.notices) {
            if (notice.kind !== 'membership-periods' && notice.kind !== 'member-practice') continue;
            const copy = COPIES[notice.kind] as Copy<typeof notice.kind>;
            try {
              const data = await callSubgraph(subgraphUrl, contextValue, copy.effect, copy.variables(notice as never));
              const wrong = copy.wrong(data, notice as never);
              if (wrong) throw new Error(wrong);
            } catch (error) {
              log.error({ err: loggableError(error) }, copy.log);
              const result = response.body.singleResult;
              result.errors = [...(result.errors ?? []), { message: copy.refusal.message, extensions: { code: copy.refusal.code } }];
            }
          }
        },
      };
    },
  };
}
