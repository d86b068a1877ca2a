import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, requireText } from '@mutual-graph/platform';
import { isoDate } from '@mutual-graph/domain-codes';
import { privacyPolicyOn } from '@mutual-graph/policy';
import { Consent } from '../entities/consent.js';
import { ConsentDecision, ConsentEvent } from '../entities/consent-event.js';
import { ConsentMethod, ConsentPurpose, ConsentStatus, NO_RECIPIENT } from '../entities/consent-enums.js';

export interface ConsentDecisionInput {
  memberId: string;
  purpose: ConsentPurpose;
  /** The third party, for THIRD_PARTY_DISCLOSURE; none for every other purpose. */
  recipient?: string | null;
  decision: ConsentDecision;
  method: ConsentMethod;
  at: Date;
}

/** The recipient a consent is kept under: required for disclosures to a third party, refused elsewhere. */
export function consentRecipient(purpose: ConsentPurpose, recipient: string | null | undefined, argument = 'recipient'): string {
  if (purpose === ConsentPurpose.THIRD_PARTY_DISCLOSURE) return requireText(argument, recipient ?? '', 1, 100);
  if ((recipient?.trim() ?? '').length > 0) throw badUserInput(argument, `a ${purpose} consent names no recipient`);
  return NO_RECIPIENT;
}

/** What one decision does to a consent: the consent's new values, or null when it repeats the current status. */
export type ConsentChange =
  { status: ConsentStatus.GRANTED; grantedAt: Date; withdrawnAt: null; method: ConsentMethod; policyVersion: string } | { status: ConsentStatus.WITHDRAWN; withdrawnAt: Date; method: ConsentMethod };

/** The privacy policy version in force on a decision's (UTC) day: what the member had been told when they decided. */
export const policyVersionAt = (at: Date): string => privacyPolicyOn(isoDate(at)).version;

/**
 * A grant sets when it was granted and clears any withdrawal; a withdrawal sets when it was
 * withdrawn and keeps when the consent had been granted. Asking for the status a consent already
 * has changes nothing, and so does a decision made before the consent's latest one: it arrived
 * late (a grant carried from an outbox after the member had withdrawn), and the later decision stands.
 */
export function consentChange(current: ConsentStatus | null, decision: ConsentDecision, method: ConsentMethod, at: Date, lastDecidedAt: Date | null = null): ConsentChange | null {
  const status = decision === ConsentDecision.GRANTED ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN;
  if (current === status) return null;
  if (lastDecidedAt !== null && at < lastDecidedAt) return null;
  // A grant records the version it was given under; a withdrawal leaves it (the history keeps each decision's own).
  return status === ConsentStatus.GRANTED ? { status, grantedAt: at, withdrawnAt: null, method, policyVersion: policyVersionAt(at) } : { status, withdrawnAt: at, method };
}

/**
 * Records one decision on a consent, inside the caller's transaction: the history gains an event
 * unless the decision repeats the consent's current status (asking twice changes nothing), and the
 * consent is set to the decision, created on its first decision.
 */
export async function recordConsentDecision(tx: EntityManager, input: ConsentDecisionInput): Promise<Consent> {
  const recipient = consentRecipient(input.purpose, input.recipient);
  const key = { memberId: input.memberId, purpose: input.purpose, recipient };
  const existing = await tx.findOne(Consent, key);
  const decided = [existing?.grantedAt, existing?.withdrawnAt].filter((d): d is Date => d instanceof Date);
  const lastDecidedAt = decided.length > 0 ? new Date(Math.max(...decided.map((d) => d.getTime()))) : null;
  const change = consentChange(existing?.status ?? null, input.decision, input.method, input.at, lastDecidedAt);
  if (!change) return existing!; // null only when there is a consent: the decision repeats its status or came after a later one
  tx.create(ConsentEvent, { ...key, decision: input.decision, recordedAt: input.at, method: input.method, policyVersion: policyVersionAt(input.at) });
  if (existing) return tx.assign(existing, change);
  // A first decision that withdraws was never granted: the version is the one its withdrawal was recorded under.
  return tx.create(Consent, { id: randomUUID(), ...key, grantedAt: null, policyVersion: policyVersionAt(input.at), ...change });
}
