/**
 * The types of work a member declares (each sets a fee and belongs to a specialty), and the fee
 * regions. Codes are the graph's own, shaped like the fee schedules of Canadian medico-legal
 * protection, not copied from one.
 */
export const TYPES_OF_WORK = [
  { code: 'FM-NOB', specialty: 'FAMILY_MEDICINE', label: 'Family medicine, no obstetrics' },
  { code: 'FM-OB', specialty: 'FAMILY_MEDICINE', label: 'Family medicine with obstetrics' },
  { code: 'FM-EM', specialty: 'FAMILY_MEDICINE', label: 'Family medicine with emergency medicine' },
  { code: 'EM', specialty: 'EMERGENCY_MEDICINE', label: 'Emergency medicine' },
  { code: 'IM', specialty: 'INTERNAL_MEDICINE', label: 'Internal medicine' },
  { code: 'PSY', specialty: 'PSYCHIATRY', label: 'Psychiatry' },
  { code: 'PED', specialty: 'PEDIATRICS', label: 'Pediatrics' },
  { code: 'ANE', specialty: 'ANESTHESIOLOGY', label: 'Anesthesiology' },
  { code: 'GS', specialty: 'GENERAL_SURGERY', label: 'General surgery' },
  { code: 'ORTH', specialty: 'ORTHOPEDIC_SURGERY', label: 'Orthopedic surgery' },
  { code: 'OBGYN', specialty: 'OBSTETRICS_GYNECOLOGY', label: 'Obstetrics and gynecology' },
  { code: 'RAD', specialty: 'DIAGNOSTIC_RADIOLOGY', label: 'Diagnostic radiology' },
  { code: 'OPH', specialty: 'OPHTHALMOLOGY', label: 'Ophthalmology' },
  { code: 'RES', specialty: 'RESIDENT', label: 'Resident in training' },
] as const;

export type TypeOfWorkCode = (typeof TYPES_OF_WORK)[number]['code'];

export const SPECIALTIES = [...new Set(TYPES_OF_WORK.map((t) => t.specialty))];

export function isTypeOfWork(code: string): code is TypeOfWorkCode {
  return TYPES_OF_WORK.some((t) => t.code === code);
}

/** Fees are set by region: Quebec, Ontario, and the rest of Canada. */
export function feeRegionOf(province: string): 'QUEBEC' | 'ONTARIO' | 'REST_OF_CANADA' {
  return province === 'QC' ? 'QUEBEC' : province === 'ON' ? 'ONTARIO' : 'REST_OF_CANADA';
}
