/**
 * A register of service providers and privacy impact assessments as a fresh stack shows it: an
 * Ontario host for everything the graph keeps, a United States e-mail delivery service, a Quebec
 * mailing house for Quebec members, and a Nova Scotia survey panel that stopped receiving in 2025.
 * Fixed, not drawn: it is about organisations, and the same on every stack.
 */

export const ALL_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
const OUTSIDE_ONTARIO = ALL_PROVINCES.filter((p) => p !== 'ON');

export interface SyntheticServiceProvider {
  id: string;
  name: string;
  service: string;
  locations: string[];
  agreementReference: string;
  agreementSignedOn: string;
  /** Each period of receiving, the last one open (`until` null) unless the provider stopped. */
  periods: { categories: string[]; memberProvinces: string[]; since: string; until: string | null }[];
}

export interface SyntheticAssessment {
  id: string;
  providerId: string;
  categories: string[];
  memberProvinces: string[];
  sensitivity: 'LOW' | 'MODERATE' | 'HIGH';
  purposes: string[];
  safeguards: string;
  destinationLegalRegime: string;
  conclusion: 'FAVOURABLE' | 'UNFAVOURABLE';
  reasoning: string;
  concludedOn: string;
  reviewer: string;
}

const HOST = '5e2a0c1d-0000-4000-8000-000000000001';
const MAIL = '5e2a0c1d-0000-4000-8000-000000000002';
const PRINT = '5e2a0c1d-0000-4000-8000-000000000003';
const PANEL = '5e2a0c1d-0000-4000-8000-000000000004';
const HOSTED = ['PROFILE', 'CONTACT', 'PROFESSIONAL', 'MEMBERSHIP', 'FINANCIAL', 'MEDICO_LEGAL', 'LEARNING', 'SURVEY', 'PRIVACY_RECORD', 'COMMUNICATIONS'];

export function syntheticServiceProviders(): SyntheticServiceProvider[] {
  return [
    {
      id: HOST,
      name: 'Northern Shield Hosting Inc.',
      service: 'Hosting and backup of the member graph’s databases and services',
      locations: ['CA-ON'],
      agreementReference: 'CTR-2021-014',
      agreementSignedOn: '2021-03-01',
      periods: [{ categories: HOSTED, memberProvinces: [...ALL_PROVINCES], since: '2021-04-01', until: null }],
    },
    {
      id: MAIL,
      name: 'Relay Mail Delivery LLC',
      service: 'Delivery of our e-mail to members (newsletters, notices, survey invitations)',
      locations: ['US'],
      agreementReference: 'CTR-2023-031',
      agreementSignedOn: '2023-05-15',
      periods: [{ categories: ['COMMUNICATIONS', 'CONTACT', 'PROFILE'], memberProvinces: [...ALL_PROVINCES], since: '2023-06-01', until: null }],
    },
    {
      id: PRINT,
      name: 'Imprimerie Postale Laurentides',
      service: 'Printing and mailing of paper notices to members in Quebec',
      locations: ['CA-QC'],
      agreementReference: 'CTR-2022-007',
      agreementSignedOn: '2022-01-10',
      periods: [{ categories: ['CONTACT', 'PROFILE'], memberProvinces: ['QC'], since: '2022-02-01', until: null }],
    },
    {
      id: PANEL,
      name: 'Maritime Survey Panels Ltd.',
      service: 'Telephone follow-up of service surveys for members in Nova Scotia',
      locations: ['CA-NS'],
      agreementReference: 'CTR-2022-019',
      agreementSignedOn: '2022-08-30',
      periods: [{ categories: ['CONTACT', 'SURVEY'], memberProvinces: ['NS'], since: '2022-09-01', until: '2025-03-31' }],
    },
  ];
}

export function syntheticAssessments(): SyntheticAssessment[] {
  return [
    {
      id: '5e2a0c1d-0000-4000-8000-0000000000a1',
      providerId: HOST,
      categories: HOSTED,
      memberProvinces: OUTSIDE_ONTARIO,
      sensitivity: 'HIGH',
      purposes: ['MEMBERSHIP', 'MEDICO_LEGAL_ASSISTANCE', 'RISK_MANAGEMENT', 'EDUCATION', 'MEMBER_SELF_SERVICE', 'PRIVACY_OFFICE', 'COMMUNICATIONS', 'SERVICE_EVALUATION'],
      safeguards: 'Encryption at rest and in transit, keys held by us; access by named staff only, logged; audited yearly (SOC 2 type II); no subcontracting without our consent.',
      destinationLegalRegime: 'Ontario, Canada: PIPEDA applies; equivalent protection to Quebec’s private-sector act for the information hosted.',
      conclusion: 'FAVOURABLE',
      reasoning: 'The information stays in Canada under a regime equivalent to the members’ own, with safeguards proportionate to its sensitivity.',
      concludedOn: '2021-03-20',
      reviewer: 'privacy-officer',
    },
    {
      id: '5e2a0c1d-0000-4000-8000-0000000000a2',
      providerId: MAIL,
      categories: ['COMMUNICATIONS', 'CONTACT', 'PROFILE'],
      memberProvinces: [...ALL_PROVINCES],
      sensitivity: 'LOW',
      purposes: ['COMMUNICATIONS', 'SERVICE_EVALUATION'],
      safeguards: 'Only the name, e-mail address and message; deleted 30 days after delivery; contractual limits on use; encryption in transit.',
      destinationLegalRegime: 'United States: no general privacy statute; lawful access by US authorities possible (FISA s. 702); contractual protections under the written agreement.',
      conclusion: 'FAVOURABLE',
      reasoning: 'The information is of low sensitivity and held briefly; the contractual protections are adequate for it.',
      concludedOn: '2023-05-30',
      reviewer: 'privacy-officer',
    },
  ];
}
