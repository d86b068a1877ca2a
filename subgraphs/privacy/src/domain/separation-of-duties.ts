import { GraphQLError } from 'graphql';
import { PrivacyRequestChannel, PrivacyRequestKind, PrivacyRequestStatus } from '../entities/privacy-request.js';

/**
 * Separation of duties on access requests: a member's whole file (medico-legal matters with
 * compensation and counsel, EDI answers) leaves the office only when two people stood behind
 * the request — the member's own authenticated session, or two different principals of the
 * office, one recording the request and another verifying the requester's identity. One
 * officer alone can never both say "this member asked" and "it was really them".
 */
export interface RequestOfRecord {
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
  channel: PrivacyRequestChannel;
  /** The office principal (token `sub`) who recorded it; null when the member submitted it, or recorded before this was kept. */
  recordedBy: string | null;
  identityVerifiedOn: string | null;
  /** The office principal who verified the requester's identity; null if unverified, or verified before this was kept. */
  identityVerifiedBy: string | null;
}

export const SEPARATION_OF_DUTIES = 'SEPARATION_OF_DUTIES';

/**
 * The refusal's shape: BAD_USER_INPUT naming `requestId` (the request, as it stands, cannot be
 * acted on by this caller) with a `reason`. Not FORBIDDEN: in this graph FORBIDDEN means the
 * gateway's policy refused the operation before any resolver ran, with one of the contract's rules.
 */
function refused(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: 'requestId', reason } });
}

const OPEN = [PrivacyRequestStatus.RECEIVED, PrivacyRequestStatus.IN_PROGRESS];

/** Why `verifier` may not record the requester's identity as verified, or null when they may. */
export function verificationRefusal(request: RequestOfRecord, verifier: string): GraphQLError | null {
  if (request.identityVerifiedOn !== null) {
    // Who vouched for the requester is part of the record: kept, never rewritten by a later call.
    return refused('ALREADY_VERIFIED', `the requester's identity was already verified on ${request.identityVerifiedOn}`);
  }
  if (request.channel === PrivacyRequestChannel.PRIVACY_OFFICE && request.recordedBy === verifier) {
    return refused(SEPARATION_OF_DUTIES, "the officer who recorded a request may not verify the requester's identity: another officer must");
  }
  return null;
}

/** Why this request's access report may not be released now (to any officer), or null when it may. */
export function releaseRefusal(request: RequestOfRecord): GraphQLError | null {
  if (request.kind !== PrivacyRequestKind.ACCESS) return refused('NOT_AN_ACCESS_REQUEST', 'an access report answers an ACCESS request');
  if (!OPEN.includes(request.status)) return refused('CLOSED', 'this request is closed');
  if (request.identityVerifiedOn === null) return refused('UNVERIFIED', "the requester's identity must be verified before their information is gathered");
  if (request.channel === PrivacyRequestChannel.SELF_SERVICE) return null;
  // Recorded by the office: two different, known principals, or no report. A request recorded or
  // verified before the office kept who did it cannot show that, and is refused rather than trusted.
  if (request.recordedBy === null || request.identityVerifiedBy === null || request.recordedBy === request.identityVerifiedBy) {
    return refused(SEPARATION_OF_DUTIES, "a request the office recorded is released only once another officer has verified the requester's identity");
  }
  return null;
}
