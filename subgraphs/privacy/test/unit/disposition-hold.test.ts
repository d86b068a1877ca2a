import { heldCategories, holdExtension, holdRelease } from '../../src/domain/disposition-hold.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const hold = { heldUntil: '2027-05-20', releasedOn: null };

describe('holds from disposition', () => {
  it('holds the categories the request asked for, and always the privacy record', () => {
    expect(heldCategories('categories', ['MEDICO_LEGAL', 'CONTACT', 'MEDICO_LEGAL'])).toEqual(['CONTACT', 'MEDICO_LEGAL', 'PRIVACY_RECORD']);
    expect(heldCategories('categories', ['PRIVACY_RECORD'])).toEqual(['PRIVACY_RECORD']);
  });

  it('refuses a hold that names nothing, or something that is not a data category', () => {
    expect(refusal(() => heldCategories('refusal.informationRequested', []))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'refusal.informationRequested' });
    expect(refusal(() => heldCategories('categories', ['MEDICO_LEGAL', 'EVERYTHING']))).toMatchObject({ argument: 'categories' });
  });

  it('extends to a later day, with the reason', () => {
    expect(holdExtension(hold, new Date('2028-01-15T12:00:00Z'), 'Complaint filed with the Commissioner.', '2027-02-01')).toEqual({
      heldUntil: '2028-01-15',
      extensionReason: 'Complaint filed with the Commissioner.',
    });
  });

  it('refuses to shorten a hold, to extend it to a past day, without a reason, or once released', () => {
    expect(refusal(() => holdExtension(hold, new Date('2027-05-01T12:00:00Z'), 'Complaint filed with the Commissioner.', '2027-02-01'))).toMatchObject({ argument: 'heldUntil' });
    expect(refusal(() => holdExtension({ ...hold, heldUntil: '2026-01-01' }, new Date('2026-06-01T12:00:00Z'), 'Complaint filed late.', '2027-02-01'))).toMatchObject({
      argument: 'heldUntil',
    });
    expect(refusal(() => holdExtension(hold, new Date('2028-01-15T12:00:00Z'), 'why?', '2027-02-01'))).toMatchObject({ argument: 'reason' });
    expect(refusal(() => holdExtension({ ...hold, releasedOn: '2027-06-01' }, new Date('2028-01-15T12:00:00Z'), 'Complaint filed.', '2027-02-01'))).toMatchObject({ argument: 'holdId' });
  });

  it('is released once, by an officer, with the reason', () => {
    expect(holdRelease(hold, 'No complaint within six months.', '2027-05-21', 'privacy-officer')).toEqual({
      releasedOn: '2027-05-21',
      releasedBy: 'privacy-officer',
      releaseReason: 'No complaint within six months.',
    });
    expect(refusal(() => holdRelease({ ...hold, releasedOn: '2027-05-21' }, 'No complaint within six months.', '2027-05-22', 'privacy-officer'))).toMatchObject({ argument: 'holdId' });
    expect(refusal(() => holdRelease(hold, 'No complaint\u0000 within six months.', '2027-05-22', 'privacy-officer'))).toMatchObject({ argument: 'reason' });
  });
});
