import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, requireText } from '@mutual-graph/platform';
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

/**
 * Records one decision on a consent, inside the caller's transaction: the history gains an event
 * unless the decision repeats the consent's current status (asking twice changes nothing), and the
 * consent is set to the decision, created on its first decision.
 */
export async function recordConsentDecision(tx: EntityManager, input: ConsentDecisionInput): Promise<Consent> {
  const recipient = consentRecipient(input.purpose, input.recipient);
  const status = input.decision === ConsentDecision.GRANTED ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN;
  const key = { memberId: input.memberId, purpose: input.purpose, recipient };
  const existing = await tx.findOne(Consent, key);
  if (existing?.status === status) return existing;
  tx.create(ConsentEvent, { ...key, decision: input.decision, recordedAt: input.at, method: input.method });
  const granted = status === ConsentStatus.GRANTED;
  if (existing) {
    return tx.assign(existing, granted ? { status, grantedAt: input.at, withdrawnAt: null, method: input.method } : { status, withdrawnAt: input.at, method: input.method });
  }
  return tx.create(Consent, { id: randomUUID(), ...key, status, grantedAt: granted ? input.at : null, withdrawnAt: granted ? null : input.at, method: input.method });
}
