import type { DeferredEffect, EffectKind } from '@mutual-graph/platform';
import { callSubgraph, type Effect, type SubgraphUrl } from '../subgraph-call.js';
import type { GatewayContext } from '../context.js';
import { CLOSE_PLANS_OF_ENROLMENT, ERASE_EDI_ANSWERS, RECORD_CONSENT_GRANTS, SYNC_MEMBER_PRACTICE, SYNC_PROTECTION_PERIODS } from './operations.js';

/**
 * What the gateway does for one kind of effect: the subgraph it calls, and how it carries the effect
 * out (the operation, the variables it sends, how it checks the answer), typed by the operation's
 * generated document when it is declared (`handler`) and erased to the payload here, so that one
 * table can hold every kind.
 */
export interface EffectHandler<P> {
  subgraph: string;
  carryOut(subgraphUrl: SubgraphUrl, context: EffectContext, payload: P): Promise<void>;
}

type EffectContext = Pick<GatewayContext, 'effectToken' | 'requestId'>;

/** A handler from its operation, what it sends for a payload, and why an answer is not the effect done (or null). */
function handler<P, R, V>(operation: Effect<R, V>, variables: (payload: P) => V, wrong: (data: R, payload: P) => string | null): EffectHandler<P> {
  return {
    subgraph: operation.subgraph,
    async carryOut(subgraphUrl, context, payload) {
      const data = await callSubgraph(subgraphUrl, context, operation, variables(payload));
      const why = wrong(data, payload);
      if (why) throw new Error(why);
    },
  };
}

type Fields<K extends EffectKind> = Omit<DeferredEffect<K>, 'kind'>;

/**
 * Every effect the gateway carries out in a subgraph for a change made in another, by kind. They run
 * from the sources' outboxes, in the effects worker (worker.ts), and each is idempotent: run twice, it
 * leaves what it left once. (A partner's disclosure is no effect: it is written with the confirmation's
 * audit record, before the answer; see plugins/audited-answer.ts.)
 */
export const EFFECT_HANDLERS: { [K in EffectKind]: EffectHandler<Fields<K>> } = {
  // The case subgraph's copy of the periods is replaced whole.
  'membership-periods': handler(
    SYNC_PROTECTION_PERIODS,
    ({ memberId, periods }) => ({ memberId, periods }),
    (data, { periods }) => (data.syncProtectionPeriods === periods.length ? null : `copied ${data.syncProtectionPeriods} of ${periods.length} periods`),
  ),
  // The EDI store's copy of the practice is replaced.
  'member-practice': handler(
    SYNC_MEMBER_PRACTICE,
    ({ memberId, province, specialty }) => ({ memberId, province, specialty }),
    (data) => (data.syncMemberPractice ? null : 'practice not copied'),
  ),
  // A grant of a consent already granted changes nothing (consentChange).
  consent: handler(
    RECORD_CONSENT_GRANTS,
    ({ memberId, purpose, givenAt }) => ({ grants: [{ memberId, purpose, givenAt }] }),
    (data) => (data.recordConsentGrants === 1 ? null : 'consent not recorded'),
  ),
  // Answers erased already leave nothing to erase: 0 is done too.
  erasure: handler(
    ERASE_EDI_ANSWERS,
    ({ memberId }) => ({ memberIds: [memberId] }),
    (data) => (Number.isInteger(data.eraseEdiAnswers) ? null : 'answers not erased'),
  ),
  // Plans closed already are not active: 0 is done too, and a plan ended before keeps its own day.
  'enrolment-closed': handler(
    CLOSE_PLANS_OF_ENROLMENT,
    ({ memberId, enrolmentId, closedOn }) => ({ memberId, enrolmentId, closedOn }),
    (data) => (Number.isInteger(data.closePlansOfEnrolment) ? null : 'plans not closed'),
  ),
};
