import { discreteGaussian, systemRandom } from '../../src/reporting/discrete-gaussian.js';
import { seededRandom } from '../support/seeded-random.js';

/** The discrete Gaussian's own probabilities, P(k) proportional to exp(-k²/2σ²). */
function exact(variance: number, k: number): number {
  let total = 0;
  for (let j = -200; j <= 200; j++) total += Math.exp((-j * j) / (2 * variance));
  return Math.exp((-k * k) / (2 * variance)) / total;
}

describe('the discrete Gaussian sampler', () => {
  it.each([
    ['36', { num: 36n, den: 1n }, 36],
    ['5/2', { num: 5n, den: 2n }, 2.5],
    ['1/4', { num: 1n, den: 4n }, 0.25],
  ])('draws integers with the distribution of variance %s', (_label, variance, sigma2) => {
    const random = seededRandom(42);
    const n = 40_000;
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = discreteGaussian(variance, random);
      expect(Number.isInteger(x)).toBe(true);
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    // Every value with a probability above 1%: observed within five standard errors of the exact one.
    for (let k = -Math.ceil(4 * Math.sqrt(sigma2)); k <= Math.ceil(4 * Math.sqrt(sigma2)); k++) {
      const p = exact(sigma2, k);
      if (p < 0.01) continue;
      expect(Math.abs((seen.get(k) ?? 0) / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
    const mean = [...seen].reduce((s, [x, c]) => s + x * c, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(sigma2 / n));
  });

  it("draws from the operating system's randomness by default, centred on zero", () => {
    let sum = 0;
    for (let i = 0; i < 5_000; i++) sum += discreteGaussian({ num: 36n, den: 1n }, systemRandom);
    expect(Math.abs(sum / 5_000)).toBeLessThan(0.6);
  });

  it('refuses a variance that is not positive', () => {
    expect(() => discreteGaussian({ num: 0n, den: 1n })).toThrow(RangeError);
  });
});
