import { TYPES_OF_WORK } from '@mutual-graph/domain-codes';
import type { Candidate } from './support-program-identification.js';

/** A matter counted in an identification, as the member may already see it in their history. */
export interface CountedMatter {
  id: string;
  kind: string;
  openedOn: string;
}

/**
 * Everything an identification decided on, as of the day it was made: the member's comparison with
 * their peers (the member's own figures, the peers' aggregates only), its settings, the matters counted.
 */
export interface IdentificationFigures extends Omit<Candidate, 'memberId' | 'matters' | 'significant'> {
  identifiedOn: string;
  lookbackFrom: string;
  lookbackTo: string;
  lookbackYears: number;
  alpha: number;
  minimumPeerMembers: number;
  matters: CountedMatter[];
}

/** Where the figures come from: recorded when the enrolment was opened, or worked out again later for an enrolment older than the record. */
export type ExplanationBasis = 'RECORDED_AT_IDENTIFICATION' | 'RECOMPUTED_AS_OF_IDENTIFICATION';

const REGIONS: Record<string, string> = { QUEBEC: 'Quebec', ONTARIO: 'Ontario', REST_OF_CANADA: 'the rest of Canada (outside Quebec and Ontario)' };

/** Matters per member-year among the peers, the member left out. */
export function peerRate(f: Pick<IdentificationFigures, 'peerMatters' | 'peerMemberYears'>): number {
  return f.peerMemberYears > 0 ? f.peerMatters / f.peerMemberYears : 0;
}

export function typeOfWorkWords(code: string): string {
  const work = TYPES_OF_WORK.find((t) => t.code === code);
  return work ? `${work.label.charAt(0).toLowerCase()}${work.label.slice(1)} (${code})` : code;
}

/** Which peers, and why those: the member's fee region, or the whole country when the region had too few members of their type of work. */
export function peerGroupChoice(f: Pick<IdentificationFigures, 'typeOfWork' | 'feeRegion' | 'peerRegion' | 'peerMembers' | 'minimumPeerMembers'>): string {
  const work = typeOfWorkWords(f.typeOfWork);
  if (f.peerRegion !== 'NATIONAL')
    return `The ${f.peerMembers.toLocaleString('en-CA')} members (you included) whose type of work was ${work} in ${REGIONS[f.peerRegion] ?? f.peerRegion}, the fee region you were in for most of the lookback.`;
  return (
    `The ${f.peerMembers.toLocaleString('en-CA')} members (you included) across Canada whose type of work was ${work}: in your fee region, ${REGIONS[f.feeRegion] ?? f.feeRegion}, ` +
    `fewer than ${f.minimumPeerMembers} members had that type of work, too few to say what is usual, so the national group was used.`
  );
}

/** Figures as a person reads them: a few significant digits, never "1e-7". */
export function figure(value: number, digits = 2): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-CA');
  const places = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return value.toLocaleString('en-CA', { maximumFractionDigits: Math.min(places, 20), minimumFractionDigits: 0 });
}

/** A chance as "about 1 in N" (N rounded to two significant digits), or a percentage when it is not small. */
export function chance(p: number): string {
  if (p >= 0.01) return `${figure(p * 100)}%`;
  if (p <= 0) return 'less than 1 in 10 billion';
  const n = 1 / p;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return n >= 1e10 ? 'less than 1 in 10 billion' : `about 1 in ${(Math.round(n / magnitude) * magnitude).toLocaleString('en-CA')}`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-CA')} ${n === 1 ? one : many}`;

/** The explanation in sentences the member can read: what was counted, against whom, what was expected, and why that stood out (or, recomputed, whether it still does). */
export function inPlainWords(f: IdentificationFigures, basis: ExplanationBasis): string {
  const significant = f.pValue < f.alpha;
  const count = f.matters.length;
  const sentences = [
    basis === 'RECOMPUTED_AS_OF_IDENTIFICATION'
      ? `Your enrolment of ${f.identifiedOn} predates our record of the figures used, so these were worked out again as of that day with the program's standard settings; they may differ from those the decision used.`
      : `On ${f.identifiedOn} the Member Support Program compared your medico-legal matters with those of your peers; these are the figures it used that day.`,
    `Over the ${plural(f.lookbackYears, 'year', 'years')} from ${f.lookbackFrom} to ${f.lookbackTo} you had ${plural(count, 'matter', 'matters')} in ${figure(f.memberYears, 3)} years of protection.`,
    `Your peers: ${peerGroupChoice(f).replace(/^The /, 'the ')}`,
    `Leaving you out, they had ${figure(peerRate(f), 2)} matters per member-year, so ${figure(f.expected, 2)} would be expected over your years of protection` +
      (f.rateRatio === null ? '.' : `; your count is ${figure(f.rateRatio, 2)} times that.`),
    `The chance of ${plural(count, 'matter', 'matters')} or more at your peers' rate is ${chance(f.pValue)}; the program looks at counts whose chance is below ${chance(f.alpha)}, which for your years of protection means more than ${plural(f.upperControlLimit, 'matter', 'matters')}.`,
    significant
      ? 'That is why you were identified. It is a statistical signal about counts, not a finding about your care: the program team reviews it with you, and you may add your observations, which they read.'
      : 'At these figures your count does not stand out beyond chance. You may add your observations, which the program team reads.',
  ];
  return sentences.join(' ');
}
