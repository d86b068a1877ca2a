import type { EdiRelease } from '../entities/edi-release.js';
import type { EdiReleaseInfo } from '../types/edi-release.js';
import type { EdiDimension } from './edi-dimensions.js';
import { CHANGED_ANSWER_FACTOR, EPSILON_DELTA as DELTA, epsilonFor } from './privacy-loss.js';

/** A stored release as the graph shows it. */
export function releaseView(release: EdiRelease): EdiReleaseInfo {
  const rho = release.rhoNumerator / release.rhoDenominator;
  return {
    id: release.id,
    version: release.version,
    takenAt: release.takenAt,
    publishedAt: release.publishedAt,
    publishedBy: release.publishedBy,
    method: release.method,
    minimumCellSize: release.minimumCellSize,
    privacyLoss: {
      rho,
      epsilon: epsilonFor(rho, DELTA),
      rhoChangedAnswer: CHANGED_ANSWER_FACTOR * rho,
      epsilonChangedAnswer: epsilonFor(CHANGED_ANSWER_FACTOR * rho, DELTA),
      noiseStandardDeviation: Math.sqrt(release.varianceNumerator / release.varianceDenominator),
    },
    tables: release.tables.map((key) => ({ dimensions: key.split('+') as EdiDimension[] })),
  };
}
