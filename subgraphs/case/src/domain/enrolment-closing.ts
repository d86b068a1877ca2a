import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueEffect, type EffectOrigin } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { EnrolmentStatus, type SupportProgramEnrolment } from '../entities/support-program-enrolment.js';

/**
 * Closes an enrolment today and, in the same transaction, writes to this subgraph's outbox that the
 * education subgraph close its plans still ACTIVE on that day: a plan of a closed enrolment is never
 * kept active (and so never kept past its retention) because the closing was answered before the
 * education subgraph heard of it.
 */
export async function closeEnrolment(tx: EntityManager, enrolment: SupportProgramEnrolment, origin: EffectOrigin): Promise<void> {
  const closedOn = today();
  tx.assign(enrolment, { status: EnrolmentStatus.CLOSED, closedOn });
  await enqueueEffect(tx, 'case', { kind: 'enrolment-closed', memberId: enrolment.memberId, enrolmentId: enrolment.id, closedOn }, origin);
}
