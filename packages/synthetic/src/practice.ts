import { feeRegionOf, TYPES_OF_WORK as DOMAIN_TYPES_OF_WORK } from '@mutual-graph/domain-codes';

/**
 * The graph's types of work with what the synthetic population needs beside them: the share of
 * members in each, and a relative medico-legal risk (how much more often than family medicine
 * without obstetrics its members face a matter). Shares and risks are synthetic.
 */
const SHARE_AND_RISK: Record<string, { share: number; risk: number }> = {
  'FM-NOB': { share: 34, risk: 1.0 },
  'FM-OB': { share: 5, risk: 1.5 },
  'FM-EM': { share: 6, risk: 1.6 },
  EM: { share: 5, risk: 1.7 },
  IM: { share: 9, risk: 1.1 },
  PSY: { share: 6, risk: 1.2 },
  PED: { share: 4, risk: 0.8 },
  ANE: { share: 4, risk: 1.3 },
  GS: { share: 3, risk: 2.2 },
  ORTH: { share: 2, risk: 2.4 },
  OBGYN: { share: 2, risk: 2.8 },
  RAD: { share: 3, risk: 1.3 },
  OPH: { share: 2, risk: 1.5 },
  RES: { share: 15, risk: 0.3 },
};

export const TYPES_OF_WORK = DOMAIN_TYPES_OF_WORK.map((t) => ({ ...t, ...SHARE_AND_RISK[t.code] }));

export type TypeOfWork = (typeof TYPES_OF_WORK)[number];

export function typeOfWork(code: string): TypeOfWork {
  const found = TYPES_OF_WORK.find((t) => t.code === code);
  if (!found) throw new Error(`unknown type of work ${code}`);
  return found;
}

/** Share of Canada's physicians by province or territory (rounded, recent years). */
export const PROVINCE_SHARES = [
  ['ON', 37],
  ['QC', 23],
  ['BC', 14],
  ['AB', 11],
  ['NS', 3.5],
  ['MB', 3.3],
  ['SK', 2.8],
  ['NB', 2],
  ['NL', 1.7],
  ['PE', 0.4],
  ['YT', 0.1],
  ['NT', 0.1],
  ['NU', 0.05],
] as const;

export type ProvinceCode = (typeof PROVINCE_SHARES)[number][0];

export const feeRegion = feeRegionOf;
