import { EDI_RELEASE_TABLES } from './edi-release-tables.js';
import { MINIMUM_CELL_SIZE_FLOOR } from './minimum-cell-size.js';
import { asNumber, CHANGED_ANSWER_FACTOR, EPSILON_DELTA, epsilonFor, noiseVariance, RELEASE_RHO, YEARLY_RHO_BUDGET } from './privacy-loss.js';
import { RELEASE_METHOD } from './release-publication.js';

/** How EDI releases protect what they publish, as schema/POLICY.md states it (read from the modules that do it). */
export function ediReleasePolicy() {
  const rho = asNumber(RELEASE_RHO);
  return {
    method: RELEASE_METHOD,
    tables: EDI_RELEASE_TABLES.map((t) => t.dimensions),
    rhoPerRelease: rho,
    epsilonPerRelease: epsilonFor(rho, EPSILON_DELTA),
    changedAnswerFactor: CHANGED_ANSWER_FACTOR,
    epsilonChangedAnswerPerRelease: epsilonFor(CHANGED_ANSWER_FACTOR * rho, EPSILON_DELTA),
    rhoPerYear: asNumber(YEARLY_RHO_BUDGET),
    epsilonPerYear: epsilonFor(asNumber(YEARLY_RHO_BUDGET), EPSILON_DELTA),
    epsilonChangedAnswerPerYear: epsilonFor(CHANGED_ANSWER_FACTOR * asNumber(YEARLY_RHO_BUDGET), EPSILON_DELTA),
    noiseStandardDeviation: Math.sqrt(asNumber(noiseVariance(EDI_RELEASE_TABLES.length))),
    minimumCellSizeFloor: MINIMUM_CELL_SIZE_FLOOR,
  };
}
