import { Faker, base, en, en_CA, fr_CA } from '@faker-js/faker';
import { fastMersenne53Randomizer } from './randomizer.js';

// One English and one French generator; each is reseeded per (seed, member, domain), so any
// member's rows can be produced alone, in any order, by any subgraph, and always come out the same.
const english = new Faker({ locale: [en_CA, en, base], randomizer: fastMersenne53Randomizer() });
const french = new Faker({ locale: [fr_CA, en, base], randomizer: fastMersenne53Randomizer() });

/** Salts that keep one domain's draws independent of another's for the same member. */
export const Domain = { member: 1, casework: 2, learning: 3, consent: 4, catalogue: 5, edi: 6, mailing: 7, survey: 8, fees: 9 } as const;

export function fakerFor(seed: number, index: number, domain: number, language: 'EN' | 'FR' = 'EN'): Faker {
  const faker = language === 'FR' ? french : english;
  faker.seed([seed, index, domain]);
  return faker;
}

/** Weighted draw from `[value, weight]` pairs. */
export function weighted<T>(faker: Faker, table: readonly (readonly [T, number])[]): T {
  return faker.helpers.weightedArrayElement(table.map(([value, weight]) => ({ value, weight })));
}

/** Knuth's Poisson draw: small means only (rates per member-year here are well under 5). */
export function poisson(faker: Faker, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = faker.number.float({ min: 0, max: 1 });
  while (p > limit) {
    k += 1;
    p *= faker.number.float({ min: 0, max: 1 });
  }
  return k;
}
