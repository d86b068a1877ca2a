import { badUserInput, requireYears } from '@mutual-graph/platform';
import type { IdentificationOptions } from './support-program-identification.js';

/** The program's standard settings: ten years, funnel plots' 99.9% limit, 30 peers before the national group. */
export const STANDARD_IDENTIFICATION = { lookbackYears: 10, alpha: 0.001, minimumPeerMembers: 30 } as const;

export interface IdentificationSettings {
  lookbackYears?: number | null;
  alpha?: number | null;
  minimumPeerMembers?: number | null;
}

/** The settings of an identification as the program team gave them (standard where not), refused when no one could stand behind them. */
export function identificationOptions(settings: IdentificationSettings, asOf: string): IdentificationOptions {
  const alpha = settings.alpha ?? STANDARD_IDENTIFICATION.alpha;
  if (!(alpha > 0 && alpha <= 0.05)) throw badUserInput('alpha', 'alpha must be above 0 and at most 0.05');
  const peers = settings.minimumPeerMembers ?? STANDARD_IDENTIFICATION.minimumPeerMembers;
  if (!Number.isInteger(peers) || peers < 10) throw badUserInput('minimumPeerMembers', 'minimumPeerMembers must be a whole number of at least 10');
  return { lookbackYears: requireYears('lookbackYears', settings.lookbackYears ?? STANDARD_IDENTIFICATION.lookbackYears, 30), alpha, minimumPeerMembers: peers, asOf };
}
