import { accessReportDisclosure, ACCESS_REPORT_RECIPIENT } from '../../src/domain/access-report-release.js';
import { releaseRefusal, verificationRefusal, type RequestOfRecord } from '../../src/domain/separation-of-duties.js';
import { PrivacyRequestChannel, PrivacyRequestKind, PrivacyRequestStatus } from '../../src/entities/privacy-request.js';

const recordedByAlice: RequestOfRecord = {
  kind: PrivacyRequestKind.ACCESS,
  status: PrivacyRequestStatus.RECEIVED,
  channel: PrivacyRequestChannel.PRIVACY_OFFICE,
  recordedBy: 'alice',
  identityVerifiedOn: null,
  identityVerifiedBy: null,
};
const submittedByMember: RequestOfRecord = { ...recordedByAlice, channel: PrivacyRequestChannel.SELF_SERVICE, recordedBy: null };
const verified = (request: RequestOfRecord, by: string | null): RequestOfRecord => ({ ...request, status: PrivacyRequestStatus.IN_PROGRESS, identityVerifiedOn: '2026-11-30', identityVerifiedBy: by });
const reasonOf = (error: { extensions: Record<string, unknown> } | null) => error && { code: error.extensions.code, argument: error.extensions.argument, reason: error.extensions.reason };

describe("verifying a requester's identity", () => {
  it('is refused to the officer who recorded the request', () => {
    expect(reasonOf(verificationRefusal(recordedByAlice, 'alice'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'requestId', reason: 'SEPARATION_OF_DUTIES' });
  });

  it('is open to any other officer, and to any officer for a request the member submitted', () => {
    expect(verificationRefusal(recordedByAlice, 'bob')).toBeNull();
    expect(verificationRefusal(submittedByMember, 'alice')).toBeNull();
  });

  it('happens once: who vouched for the requester is never rewritten', () => {
    expect(reasonOf(verificationRefusal(verified(recordedByAlice, 'bob'), 'carol'))?.reason).toBe('ALREADY_VERIFIED');
  });
});

describe('releasing an access report', () => {
  it('is refused when the only officer behind an office-recorded request recorded and verified it', () => {
    expect(reasonOf(releaseRefusal(verified(recordedByAlice, 'alice')))?.reason).toBe('SEPARATION_OF_DUTIES');
  });

  it('is refused when who recorded or who verified is not known (requests from before it was kept)', () => {
    expect(reasonOf(releaseRefusal(verified({ ...recordedByAlice, recordedBy: null }, 'bob')))?.reason).toBe('SEPARATION_OF_DUTIES');
    expect(reasonOf(releaseRefusal(verified(recordedByAlice, null)))?.reason).toBe('SEPARATION_OF_DUTIES');
  });

  it("is allowed once a second officer verified, or for the member's own submission verified by one officer", () => {
    expect(releaseRefusal(verified(recordedByAlice, 'bob'))).toBeNull();
    expect(releaseRefusal(verified(submittedByMember, 'alice'))).toBeNull();
  });

  it('is refused, whoever asks, before identity is verified, for a closed request, or for anything but ACCESS', () => {
    expect(reasonOf(releaseRefusal(submittedByMember))?.reason).toBe('UNVERIFIED');
    expect(reasonOf(releaseRefusal({ ...verified(submittedByMember, 'alice'), status: PrivacyRequestStatus.COMPLETED }))?.reason).toBe('CLOSED');
    expect(reasonOf(releaseRefusal({ ...verified(recordedByAlice, 'bob'), kind: PrivacyRequestKind.CORRECTION }))?.reason).toBe('NOT_AN_ACCESS_REQUEST');
  });

  it('leaves a disclosure to the member naming the request, the releasing officer and the categories', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const disclosure = accessReportDisclosure({ id: 'r-1', memberId: 'm-1' }, 'bob', ['MEDICO_LEGAL', 'EDI', 'MEDICO_LEGAL'], at);
    expect(disclosure).toMatchObject({ memberId: 'm-1', recipient: ACCESS_REPORT_RECIPIENT, purpose: 'ACCESS_REQUEST', categories: ['EDI', 'MEDICO_LEGAL'], disclosedAt: at });
    expect(disclosure.description).toContain('r-1');
    expect(disclosure.description).toContain('bob');
    expect(() => accessReportDisclosure({ id: 'r-1', memberId: 'm-1' }, 'bob', ['SECRETS'], at)).toThrow(/categories/);
  });
});
