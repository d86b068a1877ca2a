import { EDI_RELEASE_TABLES } from './edi-release-tables.js';
import { MINIMUM_CELL_SIZE_FLOOR } from './minimum-cell-size.js';
import { asNumber, epsilonFor, noiseVariance, RELEASE_RHO, YEARLY_RHO_BUDGET } from './privacy-loss.js';
import { RELEASE_METHOD } from './release-publication.js';

/** How EDI releases protect what they publish, as schema/POLICY.md states it (read from the modules that do it). */
export function ediReleasePolicy() {
  const rho = asNumber(RELEASE_RHO);
  return {
    method: RELEASE_METHOD,
    tables: EDI_RELEASE_TABLES.map((t) => t.dimensions),
    rhoPerRelease: rho,
    epsilonPerRelease: epsilonFor(rho, 1e-6),
    rhoPerYear: asNumber(YEARLY_RHO_BUDGET),
    noiseStandardDeviation: Math.sqrt(asNumber(noiseVariance(EDI_RELEASE_TABLES.length))),
    minimumCellSizeFloor: MINIMUM_CELL_SIZE_FLOOR,
  };
}
