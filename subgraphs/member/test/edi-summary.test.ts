import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const SUMMARY = `query ($groupBy: [EdiDimension!]!, $filter: EdiSummaryFilter) {
  ediSummary(groupBy: $groupBy, filter: $filter) { cells { values { dimension value } count suppressed } suppressedCells minimumCellSize }
}`;

type Cell = { values: { dimension: string; value: string }[]; count: number | null; suppressed: boolean };
async function summary(groupBy: string[], filter?: Record<string, string>): Promise<{ cells: Cell[]; suppressedCells: number; minimumCellSize: number }> {
  const { body } = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy, filter }, await asCaller('EDI_REPORTING'));
  expect(body.errors).toBeUndefined();
  return body.data!.ediSummary;
}
const valueOf = (cell: Cell, dimension: string) => cell.values.find((v) => v.dimension === dimension)!.value;

/** The true counts, straight from the database as the administrator. */
async function truth(): Promise<{ gender: string; province: string }[]> {
  return sql(stack.adminUrl, `select coalesce(e.gender_identity, 'NOT_ANSWERED') as gender, m.province::text as province
    from edi.edi_profile e join member.member m on m.id = e.member_id`);
}

describe('EDI reporting, in aggregate only', () => {
  it('counts exactly what the EDI store holds, with every cell under 10 suppressed and "prefer not to say" as a value', async () => {
    const rows = await truth();
    const byGender = new Map<string, number>();
    for (const r of rows) byGender.set(r.gender, (byGender.get(r.gender) ?? 0) + 1);
    const { cells, minimumCellSize, suppressedCells } = await summary(['GENDER_IDENTITY']);
    expect(minimumCellSize).toBe(10);
    expect(cells.map((c) => valueOf(c, 'GENDER_IDENTITY'))).toContain('PREFER_NOT_TO_SAY');
    for (const cell of cells) {
      const actual = byGender.get(valueOf(cell, 'GENDER_IDENTITY')) ?? 0;
      if (cell.suppressed) expect(cell.count).toBeNull();
      else expect(cell.count).toBe(actual);
      if (actual > 0 && actual < 10) expect(cell.suppressed).toBe(true);
    }
    expect(suppressedCells).toBe(cells.filter((c) => c.suppressed).length);
    // The test population has small groups on purpose (non-binary, another identity): they must be there to hide.
    expect([...byGender.values()].some((n) => n > 0 && n < 10)).toBe(true);
  });

  it('gives back no suppressed cell by differencing a coarser grouping, or the sum over filters, with a finer one', async () => {
    const coarse = await summary(['GENDER_IDENTITY']);
    const fine = await summary(['GENDER_IDENTITY', 'PROVINCE']);
    const rows = await truth();
    expect(fine.cells.some((c) => c.suppressed)).toBe(true);
    for (const total of coarse.cells.filter((c) => !c.suppressed)) {
      const gender = valueOf(total, 'GENDER_IDENTITY');
      const line = fine.cells.filter((c) => valueOf(c, 'GENDER_IDENTITY') === gender);
      const hidden = line.filter((c) => c.suppressed);
      // Exactly one hidden cell in a line whose total is known would be given back; none or several are not.
      expect(hidden.length).not.toBe(1);
      const published = line.reduce((sum, c) => sum + (c.count ?? 0), 0);
      if (hidden.length > 0) {
        const actualHidden = hidden.map((c) => rows.filter((r) => r.gender === gender && r.province === valueOf(c, 'PROVINCE')).length);
        expect(total.count! - published).toBe(actualHidden.reduce((a, b) => a + b, 0));
      } else {
        expect(published).toBe(total.count);
      }
    }
  });

  it('answers a filter as a slice of the same suppressed table, so a narrower filter adds nothing', async () => {
    const fine = await summary(['GENDER_IDENTITY', 'PROVINCE']);
    for (const province of ['ON', 'QC', 'PE']) {
      const sliced = await summary(['GENDER_IDENTITY'], { province });
      const expected = fine.cells.filter((c) => valueOf(c, 'PROVINCE') === province).map((c) => ({ gender: valueOf(c, 'GENDER_IDENTITY'), count: c.count, suppressed: c.suppressed }));
      expect(sliced.cells.map((c) => ({ gender: valueOf(c, 'GENDER_IDENTITY'), count: c.count, suppressed: c.suppressed }))).toEqual(expected);
    }
  });

  it('carries no member identifier anywhere in the result', async () => {
    const text = JSON.stringify(await summary(['GENDER_IDENTITY', 'DISABILITY', 'PROVINCE']));
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/CAMD-|MG\d{7}/);
  });

  it('is refused to every purpose but EDI_REPORTING, which may read nothing else', async () => {
    for (const purpose of ['MEMBERSHIP', 'RISK_MANAGEMENT', 'PRIVACY_OFFICE'] as const) {
      expectRefused(await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy: ['GENDER_IDENTITY'] }, await asCaller(purpose)), 'PURPOSE_SCOPE');
    }
    expectRefused(await postGraphQL(stack.gatewayUrl, '{ members(first: 1) { totalCount } }', {}, await asCaller('EDI_REPORTING')), 'PURPOSE_SCOPE');
  });

  it('refuses a grouping of no dimension, of more than three, or of one twice, naming groupBy', async () => {
    for (const groupBy of [[], ['GENDER_IDENTITY', 'DISABILITY', 'PROVINCE', 'SPECIALTY'], ['DISABILITY', 'DISABILITY']]) {
      const { body } = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy }, await asCaller('EDI_REPORTING'));
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupBy' });
    }
  });
});
