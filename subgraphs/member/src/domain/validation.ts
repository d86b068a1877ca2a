import { badUserInput } from '@mutual-graph/platform';
import { isoDate, isTypeOfWork, isValidMinc } from '@mutual-graph/domain-codes';
import { EDI_ANSWERS, EDI_COLUMN, EdiDimension, NOT_ANSWERED } from '../reporting/edi-dimensions.js';
import type { ContactInput, EdiAnswersInput, MembershipApplicationInput, ProfileInput } from '../types/membership-inputs.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{6,30}$/;
const NAME = /^[\p{L}][\p{L}\p{M}' .-]{0,99}$/u;
const REGISTRATION = /^[A-Z0-9-]{3,20}$/;

/** Checks a profile; returns it normalised. Every refusal names the field at fault. */
export function validProfile(profile: ProfileInput, at = 'profile') {
  const firstName = profile.firstName.trim();
  const lastName = profile.lastName.trim();
  if (!NAME.test(firstName)) throw badUserInput(`${at}.firstName`, 'firstName must be a name of 1 to 100 letters');
  if (!NAME.test(lastName)) throw badUserInput(`${at}.lastName`, 'lastName must be a name of 1 to 100 letters');
  const born = isoDate(profile.dateOfBirth);
  const age = (Date.now() - profile.dateOfBirth.getTime()) / (365.25 * 86_400_000);
  if (age < 20 || age > 110) throw badUserInput(`${at}.dateOfBirth`, 'dateOfBirth must make the physician between 20 and 110 years old');
  return { firstName, lastName, dateOfBirth: born };
}

export function validContact(contact: ContactInput, at = 'contact') {
  const email = contact.email.trim().toLowerCase();
  const phone = contact.phone.trim();
  const city = contact.city.trim();
  if (!EMAIL.test(email)) throw badUserInput(`${at}.email`, 'email is not an email address');
  if (!PHONE.test(phone)) throw badUserInput(`${at}.phone`, 'phone is not a telephone number');
  if (city.length < 1 || city.length > 100) throw badUserInput(`${at}.city`, 'city must be 1 to 100 characters');
  // The contact's province is the mailing address's; where the member practises is not a contact detail.
  return { email, phone, city, mailingProvince: contact.province };
}

export function validApplication(application: MembershipApplicationInput) {
  if (!isValidMinc(application.minc)) throw badUserInput('application.minc', 'minc must be CAMD-dddd-dddd with a valid check digit');
  if (!isTypeOfWork(application.typeOfWork)) throw badUserInput('application.typeOfWork', 'typeOfWork is not a known type-of-work code');
  if (application.collegeRegistrations.length < 1) throw badUserInput('application.collegeRegistrations', 'at least one College registration is required');
  application.collegeRegistrations.forEach((registration, i) => {
    if (!REGISTRATION.test(registration.registrationNumber)) {
      throw badUserInput(`application.collegeRegistrations.${i}.registrationNumber`, 'registrationNumber must be 3 to 20 capital letters, digits or dashes');
    }
  });
  return {
    profile: validProfile(application.profile, 'application.profile'),
    contact: validContact(application.contact, 'application.contact'),
    // Where the applicant will practise; the mailing address's province when the application does not say.
    practiceProvince: application.practiceProvince ?? application.contact.province,
    minc: application.minc,
    typeOfWork: application.typeOfWork,
    preferredLanguage: application.preferredLanguage,
    collegeRegistrations: application.collegeRegistrations,
  };
}

/** EDI answers need consent to collect them, and each answer must be one the question offers. */
export function validEdiAnswers(answers: EdiAnswersInput, at = 'ediAnswers') {
  if (answers.consentToCollect !== true) throw badUserInput(`${at}.consentToCollect`, 'EDI answers are collected only with consent');
  const valid: Record<string, string | null> = {};
  for (const [dimension, column] of Object.entries(EDI_COLUMN) as [EdiDimension, (typeof EDI_COLUMN)[keyof typeof EDI_COLUMN]][]) {
    const value = answers[column] ?? null;
    if (value !== null && (value === NOT_ANSWERED || !EDI_ANSWERS[dimension]!.includes(value))) {
      throw badUserInput(`${at}.${column}`, `${column} must be one of ${EDI_ANSWERS[dimension]!.filter((v) => v !== NOT_ANSWERED).join(', ')}, or left out`);
    }
    valid[column] = value;
  }
  return valid as { genderIdentity: string | null; indigenousIdentity: string | null; racializedIdentity: string | null; disability: string | null; sexualOrientation: string | null };
}
