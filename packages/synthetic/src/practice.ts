/**
 * Types of work a member declares, each with its specialty and a relative medico-legal risk
 * (how much more often than family medicine without obstetrics its members face a matter).
 * Codes and weights are synthetic, shaped like the fee schedules of Canadian medico-legal
 * protection, not copied from one.
 */
export const TYPES_OF_WORK = [
  { code: 'FM-NOB', specialty: 'FAMILY_MEDICINE', label: 'Family medicine, no obstetrics', share: 34, risk: 1.0 },
  { code: 'FM-OB', specialty: 'FAMILY_MEDICINE', label: 'Family medicine with obstetrics', share: 5, risk: 1.5 },
  { code: 'FM-EM', specialty: 'FAMILY_MEDICINE', label: 'Family medicine with emergency medicine', share: 6, risk: 1.6 },
  { code: 'EM', specialty: 'EMERGENCY_MEDICINE', label: 'Emergency medicine', share: 5, risk: 1.7 },
  { code: 'IM', specialty: 'INTERNAL_MEDICINE', label: 'Internal medicine', share: 9, risk: 1.1 },
  { code: 'PSY', specialty: 'PSYCHIATRY', label: 'Psychiatry', share: 6, risk: 1.2 },
  { code: 'PED', specialty: 'PEDIATRICS', label: 'Pediatrics', share: 4, risk: 0.8 },
  { code: 'ANE', specialty: 'ANESTHESIOLOGY', label: 'Anesthesiology', share: 4, risk: 1.3 },
  { code: 'GS', specialty: 'GENERAL_SURGERY', label: 'General surgery', share: 3, risk: 2.2 },
  { code: 'ORTH', specialty: 'ORTHOPEDIC_SURGERY', label: 'Orthopedic surgery', share: 2, risk: 2.4 },
  { code: 'OBGYN', specialty: 'OBSTETRICS_GYNECOLOGY', label: 'Obstetrics and gynecology', share: 2, risk: 2.8 },
  { code: 'RAD', specialty: 'DIAGNOSTIC_RADIOLOGY', label: 'Diagnostic radiology', share: 3, risk: 1.3 },
  { code: 'OPH', specialty: 'OPHTHALMOLOGY', label: 'Ophthalmology', share: 2, risk: 1.5 },
  { code: 'RES', specialty: 'RESIDENT', label: 'Resident in training', share: 15, risk: 0.3 },
] as const;

export type TypeOfWork = (typeof TYPES_OF_WORK)[number];

export function typeOfWork(code: string): TypeOfWork {
  const found = TYPES_OF_WORK.find((t) => t.code === code);
  if (!found) throw new Error(`unknown type of work ${code}`);
  return found;
}

/** Share of Canada's physicians by province or territory (rounded, recent years). */
export const PROVINCE_SHARES = [
  ['ON', 37], ['QC', 23], ['BC', 14], ['AB', 11], ['NS', 3.5], ['MB', 3.3], ['SK', 2.8],
  ['NB', 2], ['NL', 1.7], ['PE', 0.4], ['YT', 0.1], ['NT', 0.1], ['NU', 0.05],
] as const;

export type ProvinceCode = (typeof PROVINCE_SHARES)[number][0];

/** Fees are set by region: Quebec, Ontario, and the rest of Canada. */
export function feeRegion(province: ProvinceCode): 'QUEBEC' | 'ONTARIO' | 'REST_OF_CANADA' {
  return province === 'QC' ? 'QUEBEC' : province === 'ON' ? 'ONTARIO' : 'REST_OF_CANADA';
}
