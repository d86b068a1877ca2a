import { retentionRule } from '@mutual-graph/policy';
import { mayStillHold, providersOfMember, type TransferPeriod } from '../../src/domain/providers-of-member.js';

const period = (changes: Partial<TransferPeriod> = {}): TransferPeriod => ({
  providerId: 'host',
  categories: ['CONTACT'],
  memberProvinces: ['QC'],
  since: '2020-01-01',
  until: null,
  ...changes,
});
const asOf = '2026-12-02';

describe('the providers that may hold a member’s information', () => {
  it('are those receiving some category for one of the member’s provinces, and not for others', () => {
    const periods = [period(), period({ providerId: 'mailer', memberProvinces: ['ON'] })];
    expect(providersOfMember(periods, ['QC'], asOf)).toEqual([{ providerId: 'host', categories: ['CONTACT'], stoppedReceivingOn: null }]);
    expect(providersOfMember(periods, ['NS'], asOf)).toEqual([]);
  });

  it('count the province of practice and of the mailing address alike', () => {
    const periods = [period(), period({ providerId: 'mailer', memberProvinces: ['ON'] })];
    expect(providersOfMember(periods, ['ON', 'QC'], asOf).map((p) => p.providerId)).toEqual(['host', 'mailer']);
  });

  it('gather every category over every period, and stand as receiving while one period does', () => {
    const periods = [period({ until: '2025-05-01' }), period({ categories: ['PROFILE'], since: '2025-05-01' })];
    expect(providersOfMember(periods, ['QC'], asOf)).toEqual([{ providerId: 'host', categories: ['CONTACT', 'PROFILE'], stoppedReceivingOn: null }]);
  });

  it('include a provider that stopped, within the retention period of what it received, with the day it stopped', () => {
    const contactYears = retentionRule('member-contact').keepYears;
    const recently = `${2026 - contactYears}-12-03`;
    expect(providersOfMember([period({ until: recently })], ['QC'], asOf)).toEqual([{ providerId: 'host', categories: ['CONTACT'], stoppedReceivingOn: recently }]);
  });

  it('leave out a provider that stopped before the retention period of everything it received', () => {
    const contactYears = retentionRule('member-contact').keepYears;
    expect(mayStillHold(period({ until: `${2026 - contactYears}-12-01` }), asOf)).toBe(false);
    // Medico-legal matters are kept far longer: a provider that received them is listed far longer.
    expect(mayStillHold(period({ categories: ['CONTACT', 'MEDICO_LEGAL'], until: '2016-01-01' }), asOf)).toBe(true);
  });

  it('take a category with no retention rule at the schedule’s longest', () => {
    expect(mayStillHold(period({ categories: ['COMMUNICATIONS'], until: '2010-01-01' }), asOf)).toBe(true);
  });
});
