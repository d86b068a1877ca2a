import { InjuryRisk } from '../../src/entities/confidentiality-incident.js';
import { IncidentNotifiee } from '../../src/entities/incident-notification.js';
import { IncidentRegisterItem, informationConcerned, publicNoticeDecision, registerGaps } from '../../src/domain/incident-register.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const complete = {
  informationDescription: 'Names and dates of two advice calls.',
  informationNotDescribedBecause: null,
  injuryRisk: InjuryRisk.RISK_OF_SERIOUS_INJURY,
  riskSensitivity: 'Medico-legal information is sensitive.',
  publicNoticeGiven: false,
  measuresTaken: 'The letter was recovered.',
};
const BOTH_TOLD = [IncidentNotifiee.COMMISSION_ACCES_INFORMATION, IncidentNotifiee.PERSONS_CONCERNED];

describe("the register of confidentiality incidents against s. 7 of Quebec's regulation", () => {
  it('finds nothing missing in a complete entry with a risk of serious injury', () => {
    expect(registerGaps(complete, BOTH_TOLD)).toEqual([]);
  });

  it('asks, once the risk is serious, for the dates the Commission and the persons concerned were told, and whether public notices were given', () => {
    expect(registerGaps({ ...complete, publicNoticeGiven: null }, [IncidentNotifiee.PERSONS_CONCERNED])).toEqual([IncidentRegisterItem.COMMISSION_NOTICE, IncidentRegisterItem.PUBLIC_NOTICE]);
    expect(registerGaps({ ...complete, injuryRisk: InjuryRisk.NO_SERIOUS_RISK, publicNoticeGiven: null }, [])).toEqual([]);
  });

  it('shows what an entry from before the register kept these items lacks, without making it invalid', () => {
    const old = { informationDescription: null, informationNotDescribedBecause: null, injuryRisk: InjuryRisk.NO_SERIOUS_RISK, riskSensitivity: null, publicNoticeGiven: null, measuresTaken: null };
    expect(registerGaps(old, [])).toEqual([IncidentRegisterItem.PERSONAL_INFORMATION, IncidentRegisterItem.RISK_ASSESSMENT, IncidentRegisterItem.MEASURES_TAKEN]);
  });

  it('takes a description of the information concerned, or the reasons it cannot be given, and not both or neither', () => {
    expect(informationConcerned(' Names of two members. ', null)).toEqual({ informationDescription: 'Names of two members.', informationNotDescribedBecause: null });
    expect(informationConcerned(undefined, 'The stolen laptop held files we cannot list.')).toEqual({
      informationDescription: null,
      informationNotDescribedBecause: 'The stolen laptop held files we cannot list.',
    });
    expect(refusal(() => informationConcerned(null, '  '))).toMatchObject({ argument: 'incident.informationDescription' });
    expect(refusal(() => informationConcerned('Names of two members.', 'We cannot say more.'))).toMatchObject({ argument: 'incident.informationDescription' });
    expect(refusal(() => informationConcerned('Names\u0000 of two members.', null))).toMatchObject({ argument: 'incident.informationDescription' });
  });

  it('asks why public notices were given, when they were', () => {
    expect(publicNoticeDecision(false, null)).toEqual({ publicNoticeGiven: false, publicNoticeReason: null });
    expect(publicNoticeDecision(true, 'Too many people to reach one by one.')).toEqual({ publicNoticeGiven: true, publicNoticeReason: 'Too many people to reach one by one.' });
    expect(refusal(() => publicNoticeDecision(true, null))).toMatchObject({ argument: 'reason' });
  });
});
