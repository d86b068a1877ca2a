import type { Purpose } from './vocabulary.js';

/**
 * The requests one subgraph makes of another under a client's request, in one place: the gateway
 * signs a token for each (audience the peer, bound to the query's text, for the purposes that need
 * it) and hands it to the calling subgraph, which passes it on. A peer token serves that query
 * alone, with whatever variables; the peer's shield still judges every field under the purpose.
 */
export interface PeerCall {
  from: string;
  to: string;
  query: string;
  /** Purposes under which the calling subgraph may need to ask. */
  purposes: readonly Purpose[];
}

/** The member subgraph asks the privacy subgraph whose communications consent is current. */
export const COMMUNICATIONS_CONSENT_CALL: PeerCall = {
  from: 'member',
  to: 'privacy',
  query: `query CommunicationsConsent($r: [_Any!]!) {
  _entities(representations: $r) { ... on Member { id communicationPreferences { consented } } }
}`,
  purposes: ['COMMUNICATIONS'],
};

/** The case subgraph asks the member subgraph whether a member was protected on a date. */
export const ELIGIBILITY_CALL: PeerCall = {
  from: 'case',
  to: 'member',
  query: `query Eligibility($r: [_Any!]!, $date: Date!) {
  _entities(representations: $r) { ... on Member { membership { eligibleOn(date: $date) } } }
}`,
  purposes: ['MEDICO_LEGAL_ASSISTANCE', 'MEMBER_SELF_SERVICE'],
};

/**
 * The education subgraph, which holds service surveys, asks the case subgraph which members called
 * a physician advisor on a day (the calls to survey): a day is an entity of its own there, so no
 * root field hands the list to a client.
 */
export const ADVICE_CALLS_TO_SURVEY_CALL: PeerCall = {
  from: 'education',
  to: 'case',
  query: `query AdviceCallsToSurvey($r: [_Any!]!) {
  _entities(representations: $r) { ... on AdviceCallDay { calls { memberId } } }
}`,
  purposes: ['SERVICE_EVALUATION'],
};

/**
 * The education subgraph asks the privacy subgraph whose survey consent is current: before sending a
 * survey (SERVICE_EVALUATION) and again before storing a member's answer (MEMBER_SELF_SERVICE).
 */
export const SURVEY_CONSENT_CALL: PeerCall = {
  from: 'education',
  to: 'privacy',
  query: `query SurveyConsent($r: [_Any!]!) {
  _entities(representations: $r) { ... on Member { surveyPreferences { consented } } }
}`,
  purposes: ['SERVICE_EVALUATION', 'MEMBER_SELF_SERVICE'],
};

/** The education subgraph asks the member subgraph for each surveyed member's province of practice: the region their answers count in. */
export const SURVEY_REGION_CALL: PeerCall = {
  from: 'education',
  to: 'member',
  query: `query SurveyRegion($r: [_Any!]!) {
  _entities(representations: $r) { ... on Member { practice { province } } }
}`,
  purposes: ['SERVICE_EVALUATION'],
};

/**
 * The member subgraph asks the privacy subgraph whether a member consented to their fees being
 * confirmed to their province's reimbursement program: needed for fees billed before the privacy
 * policy announced that use (privacy-policy.ts), asked for every answer so all answers take one path.
 */
export const FEE_REIMBURSEMENT_CONSENT_CALL: PeerCall = {
  from: 'member',
  to: 'privacy',
  query: `query FeeReimbursementConsent($r: [_Any!]!) {
  _entities(representations: $r) { ... on Member { feeReimbursementPreferences { consented } } }
}`,
  purposes: ['PARTNER_CONFIRMATION'],
};

export const PEER_CALLS: readonly PeerCall[] = [COMMUNICATIONS_CONSENT_CALL, ELIGIBILITY_CALL, ADVICE_CALLS_TO_SURVEY_CALL, SURVEY_CONSENT_CALL, SURVEY_REGION_CALL, FEE_REIMBURSEMENT_CONSENT_CALL];

/** The header a peer token travels in, from the gateway to the calling subgraph: one per peer. */
export const peerTokenHeader = (to: string) => `x-peer-token-${to}`;

/** The peer calls a subgraph may make under a purpose. */
export function peerCallsOf(from: string, purpose: Purpose): PeerCall[] {
  return PEER_CALLS.filter((c) => c.from === from && c.purposes.includes(purpose));
}
