import type { EntityManager } from '@mikro-orm/postgresql';
import { PURPOSE_NAMES, type Purpose } from '@mutual-graph/policy';
import { Province } from '../domain/province.js';
import { z } from 'zod';
import { isUuid } from '../graphql/input.js';

/*
 * Effects a change in one subgraph has in another that may be carried out a little later: each is
 * written to the source's outbox in the same transaction as the change that causes it, and the
 * effects worker (gateway/src/effects/) carries it out, retrying until the receiver has it. The
 * change's answer does not wait for it; a crash of the gateway, the worker or the receiver loses none.
 */

const memberId = z.string().refine(isUuid, 'must be a member id (UUID)');
const enrolmentId = z.string().refine(isUuid, 'must be an enrolment id (UUID)');
const day = z.iso.date();

/** Each kind of deferred effect and what it carries: the writer is typed by it, the worker checks every job against it. */
export const DEFERRED_EFFECTS = {
  /** A member's periods of protection changed: the case subgraph's copy is replaced by these. */
  'membership-periods': z.strictObject({
    memberId,
    periods: z.array(z.strictObject({ startsOn: day, endsOn: day.nullable(), typeOfWork: z.string().max(12), feeRegion: z.string().max(20) })).max(500),
  }),
  /** A member's practice province or specialty was set or changed: the EDI store's copy follows. */
  'member-practice': z.strictObject({ memberId, province: z.enum(Province), specialty: z.string().max(60) }),
  /** A member gave EDI answers, and with them consent to collect them: the privacy subgraph's consent log records it. */
  consent: z.strictObject({ memberId, purpose: z.literal('EDI_COLLECTION'), givenAt: z.iso.datetime() }),
  /** A member's EDI consent was withdrawn: their answers in the EDI store go. */
  erasure: z.strictObject({ memberId, store: z.literal('edi') }),
  /** A Member Support Program enrolment closed: the education subgraph closes its plans still ACTIVE, on the enrolment's closing day. */
  'enrolment-closed': z.strictObject({ memberId, enrolmentId, closedOn: day }),
};

export type EffectKind = keyof typeof DEFERRED_EFFECTS;
export type DeferredEffect<K extends EffectKind = EffectKind> = { [P in K]: { kind: P } & z.output<(typeof DEFERRED_EFFECTS)[P]> }[K];

/** The request whose change caused an effect: the worker's call names it, for the receiver's log and trace. */
export interface EffectOrigin {
  requestId: string;
  purpose: Purpose;
}

const origin = z.strictObject({ requestId: z.string().max(200), purpose: z.enum(PURPOSE_NAMES) });

/** A job as it sits in an outbox: the effect's own fields, and where it came from. */
export const effectJob = <K extends EffectKind>(kind: K) => DEFERRED_EFFECTS[kind].extend({ origin });
export type EffectJob<K extends EffectKind = EffectKind> = z.output<ReturnType<typeof effectJob<K>>>;

/**
 * The outboxes, by the database owner whose role writes them (a subgraph, or an isolated store), each
 * a graphile-worker schema of its own beside the owner's, and the kinds it may hold: the worker takes
 * from each outbox only these (an outbox that could hold any kind could have another's store written).
 */
export const OUTBOXES = {
  member: { schema: 'member_outbox', kinds: ['membership-periods', 'member-practice'] },
  edi: { schema: 'edi_outbox', kinds: ['consent'] },
  privacy: { schema: 'privacy_outbox', kinds: ['erasure'] },
  case: { schema: 'case_outbox', kinds: ['enrolment-closed'] },
} as const satisfies Record<string, { schema: string; kinds: readonly EffectKind[] }>;

export type OutboxName = keyof typeof OUTBOXES;

/**
 * Attempts before a job is dead-lettered: graphile-worker waits e^attempt seconds between attempts
 * (at most e^10, about 6 h), so twelve span about 16 hours, a receiver down overnight.
 */
export const EFFECT_MAX_ATTEMPTS = 12;

/** The database role the effects worker connects as: it may use the outboxes, and nothing else. */
export const EFFECTS_ROLE = 'mg_effects';

/**
 * What one job of a kind is about (its job key after the kind): the member, or for an enrolment's
 * closing the enrolment, so that one member's two enrolments closing are two jobs, not one replacing the other.
 */
export function effectSubject(effect: DeferredEffect): string {
  return effect.kind === 'enrolment-closed' ? effect.enrolmentId : effect.memberId;
}

/**
 * Writes an effect to `outbox` inside the caller's transaction, so that it commits, or not, with the
 * change that causes it. One job per kind and subject (graphile-worker's job key, "replace";
 * effectSubject): a newer change replaces a job still waiting, so the receiver gets the latest state;
 * each kind is one named queue, run in order, so an older copy never lands after a newer one.
 */
export async function enqueueEffect(tx: EntityManager, outbox: OutboxName, effect: DeferredEffect, from: EffectOrigin): Promise<void> {
  const { kind, ...fields } = effect;
  const { schema, kinds } = OUTBOXES[outbox];
  if (!(kinds as readonly EffectKind[]).includes(kind)) throw new Error(`the ${outbox} outbox holds no ${kind} effects`);
  await tx.execute(`select ${schema}.add_job(?, ?::json, queue_name => ?, max_attempts => ?, job_key => ?)`, [
    kind,
    JSON.stringify({ ...fields, origin: { requestId: from.requestId, purpose: from.purpose } }),
    kind,
    EFFECT_MAX_ATTEMPTS,
    `${kind}:${effectSubject(effect)}`,
  ]);
}

/** The origin of the effects a request's change causes. */
export function effectOrigin({ requestId, hop }: { requestId: string; hop: { purpose: Purpose } }): EffectOrigin {
  return { requestId, purpose: hop.purpose };
}
