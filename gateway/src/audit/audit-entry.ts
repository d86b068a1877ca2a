import type { Principal } from '@mutual-graph/hop';
import type { AccessReportRelease } from '../context.js';
import type { AuditEntry } from './audit-log.js';
import type { ReplayableOperation } from './replayable-operation.js';

/** Who asked and why, as far as the gateway has settled it when the entry is written. */
export interface AuditedCaller {
  requestId: string;
  /** Absent when the request was refused before its token was verified. */
  principal?: Pick<Principal, 'sub' | 'roles'> | undefined;
  /** The purpose decided, or (refused before that) as the caller claimed it; null when none was claimed. */
  purpose: string | null;
  /** An access report's gathering operations are audited as the office releasing it (see AccessReportRelease). */
  release?: AccessReportRelease | undefined;
}

/** The operation, as sent, and once decided what a replay of the decision needs. */
export interface AuditedOperation {
  name: string | null;
  text: string | null;
  replayable?: ReplayableOperation | null;
}

/** What was decided: the one thing each writer of an audit entry knows and the others do not. */
export type AuditOutcome = { decision: 'ALLOWED'; categories: string[]; memberIds: string[] } | { decision: 'REFUSED'; code: string; rule: string | null; fields?: string[]; memberIds?: string[] };

/**
 * The one audit entry builder: every record (refused at authentication, at the decision, or before
 * a decision could be reached; allowed) says who, why and what the same way, and differs only in
 * its outcome. The audit log then makes every value storable (storable.ts).
 */
export function auditEntry(caller: AuditedCaller, operation: AuditedOperation, outcome: AuditOutcome): AuditEntry {
  return {
    requestId: caller.requestId,
    subject: caller.principal?.sub ?? null,
    roles: caller.principal?.roles ?? [],
    purpose: caller.release?.purpose ?? caller.purpose,
    operationName: operation.name,
    operationText: operation.text,
    replayable: operation.replayable ?? null,
    accessReportRequestId: caller.release?.requestId ?? null,
    ...outcome,
  };
}
