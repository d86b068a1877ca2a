import { consentChange, policyVersionAt, consentRecipient } from '../../src/domain/consent-decision.js';
import { ConsentDecision } from '../../src/entities/consent-event.js';
import { ConsentMethod, ConsentPurpose, ConsentStatus, NO_RECIPIENT } from '../../src/entities/consent-enums.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const OWN_PURPOSES = [ConsentPurpose.COMMUNICATIONS, ConsentPurpose.EDI_COLLECTION, ConsentPurpose.SURVEYS];

describe('the recipient a consent is kept under', () => {
  it('is the named third party, trimmed, for a disclosure to a third party', () => {
    expect(consentRecipient(ConsentPurpose.THIRD_PARTY_DISCLOSURE, '  Ontario Medical Association ')).toBe('Ontario Medical Association');
  });

  it.each([null, undefined, '', '   ', 'x'.repeat(101)])('refuses a third-party disclosure consent naming no recipient or too long a one (%j)', (recipient) => {
    expect(refusal(() => consentRecipient(ConsentPurpose.THIRD_PARTY_DISCLOSURE, recipient))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'recipient',
      message: 'recipient must be 1 to 100 characters',
    });
  });

  it.each(OWN_PURPOSES)('is nobody for a %s consent', (purpose) => {
    expect(consentRecipient(purpose, null)).toBe(NO_RECIPIENT);
    expect(consentRecipient(purpose, '   ')).toBe(NO_RECIPIENT);
  });

  it.each(OWN_PURPOSES)('refuses a recipient on a %s consent, so one cannot hide a disclosure consent under another purpose', (purpose) => {
    expect(refusal(() => consentRecipient(purpose, 'Data Broker Inc.'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'recipient', message: `a ${purpose} consent names no recipient` });
  });

  it('names the argument it was given', () => {
    expect(refusal(() => consentRecipient(ConsentPurpose.SURVEYS, 'x', 'consent.recipient')).argument).toBe('consent.recipient');
  });
});

describe('what one decision does to a consent', () => {
  const at = new Date('2026-11-01T10:00:00Z');

  it('changes nothing when the decision repeats the current status (asking twice)', () => {
    expect(consentChange(ConsentStatus.GRANTED, ConsentDecision.GRANTED, ConsentMethod.ONLINE, at)).toBeNull();
    expect(consentChange(ConsentStatus.WITHDRAWN, ConsentDecision.WITHDRAWN, ConsentMethod.PHONE, at)).toBeNull();
  });

  it('grants from nothing or after a withdrawal, clearing the withdrawal', () => {
    for (const current of [null, ConsentStatus.WITHDRAWN]) {
      expect(consentChange(current, ConsentDecision.GRANTED, ConsentMethod.WRITTEN, at)).toEqual({
        status: ConsentStatus.GRANTED,
        grantedAt: at,
        withdrawnAt: null,
        method: ConsentMethod.WRITTEN,
        policyVersion: '2026.1',
      });
    }
  });

  it('withdraws without touching when the consent was granted, so the history of the grant survives', () => {
    const change = consentChange(ConsentStatus.GRANTED, ConsentDecision.WITHDRAWN, ConsentMethod.PHONE, at);
    expect(change).toEqual({ status: ConsentStatus.WITHDRAWN, withdrawnAt: at, method: ConsentMethod.PHONE });
    expect(change).not.toHaveProperty('grantedAt');
  });

  it('ignores a decision made before the latest one: a grant carried late from an outbox never overrides a later withdrawal', () => {
    const withdrawnAt = new Date('2026-12-01T10:00:05Z');
    const givenEarlier = new Date('2026-12-01T10:00:00Z');
    expect(consentChange(ConsentStatus.WITHDRAWN, ConsentDecision.GRANTED, ConsentMethod.ONLINE, givenEarlier, withdrawnAt)).toBeNull();
    // Given after the withdrawal, it is a new grant.
    expect(consentChange(ConsentStatus.WITHDRAWN, ConsentDecision.GRANTED, ConsentMethod.ONLINE, new Date('2026-12-01T10:00:06Z'), withdrawnAt)).toMatchObject({ status: ConsentStatus.GRANTED });
  });

  it('records a first decision that withdraws', () => {
    expect(consentChange(null, ConsentDecision.WITHDRAWN, ConsentMethod.ONLINE, at)).toEqual({
      status: ConsentStatus.WITHDRAWN,
      withdrawnAt: at,
      method: ConsentMethod.ONLINE,
    });
  });

  it('reads any decision but GRANTED as a withdrawal (fails towards no consent)', () => {
    expect(consentChange(ConsentStatus.GRANTED, 'granted' as ConsentDecision, ConsentMethod.ONLINE, at)?.status).toBe(ConsentStatus.WITHDRAWN);
  });
});

describe('the policy version a decision is recorded under', () => {
  it('is the version in force on the day of the decision, for a grant and for a withdrawal', () => {
    expect(consentChange(null, ConsentDecision.GRANTED, ConsentMethod.ONLINE, new Date('2023-09-21T23:00:00Z'))?.policyVersion).toBe('2021.1');
    expect(consentChange(null, ConsentDecision.GRANTED, ConsentMethod.ONLINE, new Date('2023-09-22T00:00:00Z'))?.policyVersion).toBe('2023.1');
    expect(policyVersionAt(new Date('2026-02-01T12:00:00Z'))).toBe('2026.1');
  });

  it('stays on a withdrawn consent as the version it was given under', () => {
    expect(consentChange(ConsentStatus.GRANTED, ConsentDecision.WITHDRAWN, ConsentMethod.PHONE, new Date('2026-02-01T12:00:00Z'))).not.toHaveProperty('policyVersion');
  });
});
