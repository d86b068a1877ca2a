import { describe, expect, it } from '@jest/globals';
import { auditEntry } from '../src/audit/audit-entry.js';

const officer = { requestId: 'r-1', principal: { sub: 'officer-1', roles: ['privacy_officer'] }, purpose: 'MEMBER_SELF_SERVICE' };
const operation = { name: 'Me', text: 'query Me { me { id } }' };

describe('the audit entry', () => {
  it('says who, why and what the same way whatever the outcome', () => {
    const allowed = auditEntry(officer, operation, { decision: 'ALLOWED', categories: ['IDENTITY'], memberIds: ['m'] });
    const refused = auditEntry(officer, operation, { decision: 'REFUSED', code: 'FORBIDDEN', rule: 'PURPOSE_SCOPE', fields: ['Member.contact'] });
    const common = {
      requestId: 'r-1',
      subject: 'officer-1',
      roles: ['privacy_officer'],
      purpose: 'MEMBER_SELF_SERVICE',
      operationName: 'Me',
      operationText: operation.text,
      // Given no replayable record (an operation never decided), none is kept.
      replayable: null,
      accessReportRequestId: null,
    };
    expect(allowed).toEqual({ ...common, decision: 'ALLOWED', categories: ['IDENTITY'], memberIds: ['m'] });
    expect(refused).toEqual({ ...common, decision: 'REFUSED', code: 'FORBIDDEN', rule: 'PURPOSE_SCOPE', fields: ['Member.contact'] });
  });

  it('records a request refused before its token was verified with no subject, no roles and the purpose as claimed', () => {
    const entry = auditEntry({ requestId: 'r-2', principal: undefined, purpose: 'NOT_A_PURPOSE' }, { name: null, text: null }, { decision: 'REFUSED', code: 'UNAUTHENTICATED', rule: null });
    expect(entry).toMatchObject({ subject: null, roles: [], purpose: 'NOT_A_PURPOSE', operationName: null, operationText: null, code: 'UNAUTHENTICATED', rule: null });
  });

  it("audits an access report's gathering as the office releasing that request's report", () => {
    const release = { purpose: 'PRIVACY_OFFICE' as const, requestId: '2b1c…', categories: new Set<never>() };
    const entry = auditEntry({ ...officer, release }, operation, { decision: 'ALLOWED', categories: [], memberIds: [] });
    expect(entry).toMatchObject({ purpose: 'PRIVACY_OFFICE', accessReportRequestId: '2b1c…', subject: 'officer-1' });
  });
});
