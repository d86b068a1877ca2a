import { generateMersenne53Randomizer } from '@faker-js/faker';
import { fastMersenne53Randomizer } from '@mutual-graph/synthetic';

// The generator reseeds faker for every member and domain; its own randomizer must draw exactly
// what faker's Mersenne Twister draws, or every seeded database would change.
describe("the generator's randomizer", () => {
  it.each([[[1_867, 0, 1]], [[1_867, 999_999, 6]], [[4_242, 17, 3]], [[0]], [[2 ** 31, 2 ** 32 - 1, 5]], [Array.from({ length: 700 }, (_, i) => i * 7)]])(
    'draws what faker draws after seed(%j)',
    (seed) => {
      const [ours, fakers] = [fastMersenne53Randomizer(), generateMersenne53Randomizer()];
      ours.seed(seed);
      fakers.seed(seed);
      // Past 624 draws twice over, so the state is twisted again more than once.
      for (let i = 0; i < 1_500; i++) expect(ours.next()).toBe(fakers.next());
    },
  );

  it('draws what faker draws after a numeric seed', () => {
    const [ours, fakers] = [fastMersenne53Randomizer(), generateMersenne53Randomizer()];
    ours.seed(123_456_789);
    fakers.seed(123_456_789);
    for (let i = 0; i < 1_500; i++) expect(ours.next()).toBe(fakers.next());
  });
});
