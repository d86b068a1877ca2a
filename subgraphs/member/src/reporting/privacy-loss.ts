import type { Rational } from './discrete-gaussian.js';

/**
 * How much one release may tell about one member, in zero-concentrated differential privacy
 * (zCDP, rho): the accounting the US Census Bureau used for the 2020 census. Every member counts
 * once in every table of a release, so adding or removing one changes each table's count in one
 * cell by one: L2 sensitivity sqrt(T) for T tables, and Gaussian noise of variance T / (2 rho) on
 * every cell gives rho-zCDP for the whole release, whichever tables a caller combines. Against
 * someone who knows a member answered and asks which answer (one count down, one up in each
 * table), the same release is 2 rho-zCDP: both figures are published with every release.
 * Releases compose by adding their rho: the budget over any 365 days bounds what the releases of
 * that year tell together (four a year, a quarter apart on average), and a member added between
 * two releases is protected as in one. Over several years the rho of the years adds up for a
 * member who stays in the data: the budget bounds the rate, not a lifetime total.
 */
export const RELEASE_RHO: Rational = { num: 1n, den: 8n };

/** The most rho all releases published in any 365 days may spend together: four releases a year. */
export const YEARLY_RHO_BUDGET: Rational = { num: 1n, den: 2n };

/** A changed answer moves two counts of each table where adding a member moves one: twice the rho. */
export const CHANGED_ANSWER_FACTOR = 2;

/** The delta at which a release's guarantee is also stated as epsilon. */
export const EPSILON_DELTA = 1e-6;

export const asNumber = (r: Rational) => Number(r.num) / Number(r.den);

/** The noise variance each cell of a release of `tables` tables gets: T / (2 rho). */
export function noiseVariance(tables: number, rho: Rational = RELEASE_RHO): Rational {
  return { num: BigInt(tables) * rho.den, den: 2n * rho.num };
}

/**
 * The (epsilon, delta)-differential-privacy guarantee rho-zCDP implies (Bun and Steinke 2016,
 * Proposition 1.3): epsilon = rho + 2 sqrt(rho ln(1/delta)). An upper bound, for readers used to epsilon.
 */
export function epsilonFor(rho: number, delta: number): number {
  return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
}
