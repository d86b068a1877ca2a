import type { DeferredEffect, EffectKind } from '@mutual-graph/platform';
import { callSubgraph, type Effect, type SubgraphUrl } from '../subgraph-call.js';
import type { GatewayContext } from '../context.js';
import { ERASE_EDI_ANSWERS, RECORD_CONSENT_GRANTS, RECORD_DISCLOSURES, SYNC_MEMBER_PRACTICE, SYNC_PROTECTION_PERIODS } from './operations.js';

/** What the gateway does for one kind of effect: the operation it calls, the variables it sends, how it checks the answer. */
export interface EffectHandler<P> {
  operation: Effect;
  variables(payload: P): Record<string, unknown>;
  /** Why the answer is not the effect done, or null. */
  wrong(data: Record<string, unknown>, payload: P): string | null;
}

/** A partner's confirmation told about this member (disclosures.ts): recorded before the partner is answered. */
export interface DisclosureInput {
  memberId: string;
  categories: string[];
  description: string;
}

type Fields<K extends EffectKind> = Omit<DeferredEffect<K>, 'kind'>;

/**
 * Every effect the gateway carries out in a subgraph for a change made in another, by kind. The
 * deferred ones (every kind but `disclosure`) run from the sources' outboxes, in the effects worker
 * (worker.ts), and each is idempotent: run twice, it leaves what it left once. A disclosure is
 * recorded in the partner's request, before the answer, which it withholds when it fails (disclosures.ts).
 */
export const EFFECT_HANDLERS: { [K in EffectKind]: EffectHandler<Fields<K>> } & { disclosure: EffectHandler<{ disclosures: DisclosureInput[] }> } = {
  // The case subgraph's copy of the periods is replaced whole.
  'membership-periods': {
    operation: SYNC_PROTECTION_PERIODS,
    variables: ({ memberId, periods }) => ({ memberId, periods }),
    wrong: (data, { periods }) => (data.syncProtectionPeriods === periods.length ? null : `copied ${String(data.syncProtectionPeriods)} of ${periods.length} periods`),
  },
  // The EDI store's copy of the practice is replaced.
  'member-practice': {
    operation: SYNC_MEMBER_PRACTICE,
    variables: ({ memberId, province, specialty }) => ({ memberId, province, specialty }),
    wrong: (data) => (data.syncMemberPractice === true ? null : 'practice not copied'),
  },
  // A grant of a consent already granted changes nothing (consentChange).
  consent: {
    operation: RECORD_CONSENT_GRANTS,
    variables: ({ memberId, purpose }) => ({ grants: [{ memberId, purpose }] }),
    wrong: (data) => (data.recordConsentGrants === 1 ? null : 'consent not recorded'),
  },
  // Answers erased already leave nothing to erase: 0 is done too.
  erasure: {
    operation: ERASE_EDI_ANSWERS,
    variables: ({ memberId }) => ({ memberIds: [memberId] }),
    wrong: (data) => (typeof data.eraseEdiAnswers === 'number' ? null : 'answers not erased'),
  },
  disclosure: {
    operation: RECORD_DISCLOSURES,
    variables: ({ disclosures }) => ({ disclosures }),
    wrong: (data, { disclosures }) => (data.recordDisclosures === disclosures.length ? null : `recorded ${String(data.recordDisclosures)} of ${disclosures.length}`),
  },
};

/** Carries out one effect: its handler's call, signed for that call alone, and its answer checked. Throws unless it is done. */
export async function carryOut<P>(subgraphUrl: SubgraphUrl, context: Pick<GatewayContext, 'effectToken' | 'requestId'>, handler: EffectHandler<P>, payload: P): Promise<void> {
  const data = await callSubgraph(subgraphUrl, context, handler.operation, handler.variables(payload));
  const wrong = handler.wrong(data, payload);
  if (wrong) throw new Error(wrong);
}
