import { syntheticCatalogue, syntheticCompletions, syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const catalogue = syntheticCatalogue(stack.seed);
const current = catalogue.filter((a) => a.retiredOn === null);
const PAGE = `query ($filter: CatalogueFilter, $first: Int, $after: String) {
  learningActivities(filter: $filter, first: $first, after: $after) { nodes { code title kind language credits mocSection3Hours topics retiredOn } endCursor hasNextPage totalCount }
}`;

type Activity = { code: string; title: string; kind: string; language: string; credits: number; mocSection3Hours: number | null; topics: string[]; retiredOn: string | null };
type Page = { nodes: Activity[]; endCursor: string | null; hasNextPage: boolean; totalCount: number };

async function page(filter: Record<string, unknown> = {}, first = 100, after?: string) {
  const { body } = await postGraphQL<{ learningActivities: Page }>(stack.gatewayUrl, PAGE, { filter, first, after }, await asCaller('EDUCATION'));
  expect(body.errors).toBeUndefined();
  return body.data!.learningActivities;
}

describe('the learning catalogue', () => {
  it('lists current items unless asked for retired ones too', async () => {
    expect(catalogue.length - current.length).toBeGreaterThan(0);
    expect((await page()).totalCount).toBe(current.length);
    expect((await page({ includeRetired: true })).totalCount).toBe(catalogue.length);
  });

  it('pages through the catalogue newest first without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const result = await page({}, 7, after);
      seen.push(...result.nodes.map((n) => n.code));
      after = result.hasNextPage ? result.endCursor! : undefined;
    } while (after);
    expect(seen.sort()).toEqual(current.map((a) => a.code).sort());
  });

  it('searches titles case-insensitively, treating % and _ as plain characters', async () => {
    const found = await page({ search: 'INFORMED consent' });
    expect(found.nodes.length).toBe(current.filter((a) => a.title.toLowerCase().includes('informed consent')).length);
    expect(found.nodes.length).toBeGreaterThan(0);
    expect((await page({ search: '%' })).totalCount).toBe(0);
  });

  it('filters by kind, topic, language (items in both languages count for either) and accreditation', async () => {
    for (const node of (await page({ kind: 'WEBINAR' })).nodes) expect(node.kind).toBe('WEBINAR');
    const topic = current[0].topics[0];
    expect((await page({ topic })).totalCount).toBe(current.filter((a) => a.topics.includes(topic)).length);
    expect((await page({ language: 'FR' })).totalCount).toBe(current.filter((a) => a.language === 'FR' || a.language === 'BOTH').length);
    const mainpro = await page({ accreditation: 'MAINPRO_PLUS' });
    expect(mainpro.totalCount).toBe(current.filter((a) => a.credits > 0).length);
    for (const node of mainpro.nodes) expect(node.credits).toBeGreaterThan(0);
    for (const node of (await page({ accreditation: 'ROYAL_COLLEGE_MOC' })).nodes) expect(node.mocSection3Hours).toBeGreaterThan(0);
  });
});

describe('credits per accreditation cycle', () => {
  it("adds up a member's completed learning by five-year cycle", async () => {
    const member = [...syntheticMembers(stack.seed)].find((m) => syntheticCompletions(m, catalogue, stack.seed).length >= 4)!;
    const completions = syntheticCompletions(member, catalogue, stack.seed);
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { creditCycles { startsOn endsOn mainproCredits completions } } }',
      { id: member.id },
      await asCaller('EDUCATION'),
    );
    const cycles = body.data!.member.creditCycles as { startsOn: string; mainproCredits: number; completions: number }[];
    expect(cycles.reduce((n, c) => n + c.completions, 0)).toBe(completions.length);
    for (const cycle of cycles) {
      const start = Number(cycle.startsOn.slice(0, 4));
      const inCycle = completions.filter((c) => Math.floor(Number(c.completedOn.slice(0, 4)) / 5) * 5 === start);
      expect(cycle.mainproCredits).toBeCloseTo(
        inCycle.reduce((sum, c) => sum + c.credits, 0),
        5,
      );
    }
  });
});
