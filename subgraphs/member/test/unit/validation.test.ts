import { formatMinc } from '@mutual-graph/domain-codes';
import { validApplication, validContact, validEdiAnswers, validProfile } from '../../src/domain/validation.js';
import type { EdiAnswersInput, MembershipApplicationInput } from '../../src/types/membership-inputs.js';
import { refusedArgument } from '../../../../test/unit/support/refusal.js';

const yearsAgo = (years: number) => new Date(Date.now() - years * 365.25 * 86_400_000);
const profile = (overrides = {}) => ({ firstName: 'Amélie', lastName: "O'Brien-Tremblay", dateOfBirth: yearsAgo(40), ...overrides });
const contact = (overrides = {}) => ({ email: 'A.Doctor@Example.ca', phone: '+1 (613) 555-0199', city: 'Ottawa', province: 'ON', ...overrides });
const application = (overrides: Partial<MembershipApplicationInput> = {}) =>
  ({
    profile: profile(),
    contact: contact(),
    minc: formatMinc('1234567'),
    typeOfWork: 'FM-NOB',
    preferredLanguage: 'EN',
    collegeRegistrations: [{ college: 'CPSO', registrationNumber: 'A-12345' }],
    ...overrides,
  }) as unknown as MembershipApplicationInput;

describe('a profile', () => {
  it('is trimmed and its date of birth kept as a calendar day', () => {
    const born = new Date('1980-02-29T12:00:00Z');
    expect(validProfile(profile({ firstName: '  Amélie ', dateOfBirth: born }))).toEqual({ firstName: 'Amélie', lastName: "O'Brien-Tremblay", dateOfBirth: '1980-02-29' });
  });

  it.each([
    ['an empty first name', { firstName: '   ' }, 'profile.firstName'],
    ['a first name of digits', { firstName: '1234' }, 'profile.firstName'],
    ['markup in a last name', { lastName: '<script>alert(1)</script>' }, 'profile.lastName'],
    ['a last name of 101 letters', { lastName: 'a'.repeat(101) }, 'profile.lastName'],
    ['a name starting with a quote', { lastName: "'; drop table member; --" }, 'profile.lastName'],
    ['a physician of 19', { dateOfBirth: yearsAgo(19.9) }, 'profile.dateOfBirth'],
    ['a physician of 111', { dateOfBirth: yearsAgo(111) }, 'profile.dateOfBirth'],
    ['a birth in the future', { dateOfBirth: yearsAgo(-1) }, 'profile.dateOfBirth'],
  ])('refuses %s, naming the field', (_label, overrides, argument) => {
    expect(refusedArgument(() => validProfile(profile(overrides)))).toBe(argument);
  });

  it('accepts a name of exactly 100 letters', () => {
    expect(validProfile(profile({ lastName: 'a'.repeat(100) })).lastName).toHaveLength(100);
  });

  it('names the field under the path it was given', () => {
    expect(refusedArgument(() => validProfile(profile({ firstName: '' }), 'application.profile'))).toBe('application.profile.firstName');
  });
});

describe('contact details', () => {
  it('lower-cases the email and keeps the province as the mailing province', () => {
    expect(validContact(contact())).toEqual({ email: 'a.doctor@example.ca', phone: '+1 (613) 555-0199', city: 'Ottawa', mailingProvince: 'ON' });
  });

  it.each([
    ['an email without a domain', { email: 'doctor@' }, 'contact.email'],
    ['an email with a space', { email: 'a doctor@example.ca' }, 'contact.email'],
    ['two at signs', { email: 'a@b@example.ca' }, 'contact.email'],
    ['a local part of 65 characters', { email: `${'a'.repeat(65)}@example.ca` }, 'contact.email'],
    ['a phone of letters', { phone: 'call me maybe' }, 'contact.phone'],
    ['a phone too short', { phone: '12345' }, 'contact.phone'],
    ['a phone of 40 characters', { phone: '1'.repeat(40) }, 'contact.phone'],
    ['an empty city', { city: '  ' }, 'contact.city'],
    ['a city of 101 characters', { city: 'x'.repeat(101) }, 'contact.city'],
  ])('refuses %s', (_label, overrides, argument) => {
    expect(refusedArgument(() => validContact(contact(overrides)))).toBe(argument);
  });
});

describe('an application', () => {
  it('takes the practice province from the mailing address when it does not say', () => {
    expect(validApplication(application()).practiceProvince).toBe('ON');
    expect(validApplication(application({ practiceProvince: 'QC' } as never)).practiceProvince).toBe('QC');
  });

  it.each([
    ['a MINC with a wrong check digit', { minc: 'CAMD-1234-5670' }, 'application.minc'],
    ['a MINC in lower case', { minc: formatMinc('1234567').toLowerCase() }, 'application.minc'],
    ['a MINC with a trailing newline', { minc: `${formatMinc('1234567')}\n` }, 'application.minc'],
    ['an unknown type of work', { typeOfWork: 'HACKER' }, 'application.typeOfWork'],
    ['a prototype name as type of work', { typeOfWork: '__proto__' }, 'application.typeOfWork'],
    ['no College registration', { collegeRegistrations: [] }, 'application.collegeRegistrations'],
    ['a registration number in lower case', { collegeRegistrations: [{ college: 'CPSO', registrationNumber: 'a-1' }] }, 'application.collegeRegistrations.0.registrationNumber'],
    [
      'a second registration number of 21 characters',
      {
        collegeRegistrations: [
          { college: 'CPSO', registrationNumber: 'A-12345' },
          { college: 'CMQ', registrationNumber: 'A'.repeat(21) },
        ],
      },
      'application.collegeRegistrations.1.registrationNumber',
    ],
  ])('refuses %s', (_label, overrides, argument) => {
    expect(refusedArgument(() => validApplication(application(overrides as never)))).toBe(argument);
  });

  it('names a profile or contact field under application', () => {
    expect(refusedArgument(() => validApplication(application({ contact: contact({ email: 'x' }) } as never)))).toBe('application.contact.email');
  });
});

describe('EDI answers', () => {
  const answers = (overrides: Partial<EdiAnswersInput> = {}) => ({ consentToCollect: true, genderIdentity: 'WOMAN', disability: 'PREFER_NOT_TO_SAY', ...overrides }) as EdiAnswersInput;

  it('keeps the answers given and leaves the others null', () => {
    expect(validEdiAnswers(answers())).toEqual({ genderIdentity: 'WOMAN', indigenousIdentity: null, racializedIdentity: null, disability: 'PREFER_NOT_TO_SAY', sexualOrientation: null });
  });

  it.each([false, undefined, 'true', 1])('refuses answers without consent to collect them (%j)', (consentToCollect) => {
    expect(refusedArgument(() => validEdiAnswers(answers({ consentToCollect } as never)))).toBe('ediAnswers.consentToCollect');
  });

  it.each([
    ['NOT_ANSWERED given as an answer', { genderIdentity: 'NOT_ANSWERED' }, 'answers.genderIdentity'],
    ["another question's answer", { disability: 'WOMAN' }, 'answers.disability'],
    ['an answer in lower case', { sexualOrientation: 'bisexual' }, 'answers.sexualOrientation'],
    ['an empty answer', { indigenousIdentity: '' }, 'answers.indigenousIdentity'],
  ])('refuses %s', (_label, overrides, argument) => {
    expect(refusedArgument(() => validEdiAnswers(answers(overrides as never), 'answers'))).toBe(argument);
  });

  it('keeps no field the questions do not ask', () => {
    expect(Object.keys(validEdiAnswers(answers({ memberId: 'someone else', province: 'ON' } as never)))).not.toContain('memberId');
  });
});
