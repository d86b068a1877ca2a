import { describe, expect, it } from '@jest/globals';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';
import { openDatabase } from '@mutual-graph/platform';
import { ediStore } from '../src/edi-store.js';
import { cellKey, cellsOf, EDI_RELEASE_TABLES } from '../src/reporting/edi-release-tables.js';
import { noiseVariance } from '../src/reporting/privacy-loss.js';
import { protectRelease } from '../src/reporting/protect-release.js';
import { countRelease } from '../src/reporting/release-counts.js';
import { releases, SUMMARY, summary, valueOf, wholeRelease } from './support/edi-graph.js';

const stack = testStack();

/** Every respondent's answers and practice, straight from the database as the administrator, by dimension. */
async function truth(): Promise<Record<string, string>[]> {
  return sql(
    stack.adminUrl,
    `select coalesce(e.gender_identity, 'NOT_ANSWERED') as "GENDER_IDENTITY", coalesce(e.indigenous_identity, 'NOT_ANSWERED') as "INDIGENOUS_IDENTITY",
      coalesce(e.racialized_identity, 'NOT_ANSWERED') as "RACIALIZED_IDENTITY", coalesce(e.disability, 'NOT_ANSWERED') as "DISABILITY",
      coalesce(e.sexual_orientation, 'NOT_ANSWERED') as "SEXUAL_ORIENTATION", m.province::text as "PROVINCE", m.specialty as "SPECIALTY"
    from edi.edi_profile e join member.member m on m.id = e.member_id`,
  );
}

describe('EDI reporting, from published releases only', () => {
  it('answers from the latest published release, the first of which seeding published', async () => {
    const published = await releases();
    expect(published.at(-1)).toMatchObject({ version: 1, publishedBy: 'seed', method: 'DISCRETE_GAUSSIAN_ZCDP', minimumCellSize: 10 });
    expect(published.at(-1)!.privacyLoss).toEqual({
      rho: 0.125,
      epsilon: expect.closeTo(2.75, 2),
      rhoChangedAnswer: 0.25,
      epsilonChangedAnswer: expect.closeTo(3.97, 2),
      noiseStandardDeviation: expect.closeTo(8.485, 2),
    });
    const latest = published[0];
    expect((await summary(['GENDER_IDENTITY'])).release).toEqual({ id: latest.id, version: latest.version });
  });

  it('counts exactly what the EDI store holds, in every cell of every table, from its own copy of practices', async () => {
    // The release's own counting, on the EDI store's connection, beside the administrator's truth at the same moment
    // (a published release was counted earlier: answers given or erased since would differ from today's truth).
    const rows = await truth();
    const orm = await openDatabase(ediStore.database, { clientUrl: stack.ownerUrls.edi, poolMax: 1 });
    try {
      const counts = await countRelease(orm.em.fork());
      let cells = 0;
      for (const table of EDI_RELEASE_TABLES) {
        for (const values of cellsOf(table)) {
          const actual = rows.filter((r) => table.dimensions.every((d, i) => r[d] === values[i])).length;
          expect([table.key, values.join('/'), counts.get(table.key)!.get(cellKey(values)) ?? 0]).toEqual([table.key, values.join('/'), actual]);
          cells++;
        }
      }
      expect(cells).toBe(952);
    } finally {
      await orm.close();
    }
  });

  it('publishes every cell with noise of the stated deviation on the true count, never a count under 10, the same however often asked', async () => {
    const rows = await truth();
    const orm = await openDatabase(ediStore.database, { clientUrl: stack.ownerUrls.edi, poolMax: 1 });
    let residuals: number[];
    try {
      // What publication does to these counts (protect-release.ts with the release's variance), without spending the budget.
      const counts = await countRelease(orm.em.fork());
      const protectedRelease = protectRelease(counts, { minimumCellSize: 10, variance: noiseVariance(EDI_RELEASE_TABLES.length) });
      residuals = protectedRelease.flatMap(({ table, cells }) =>
        cells.flatMap((cell) => {
          const count = counts.get(table.key)!.get(cellKey(cell.values)) ?? 0;
          if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(10);
          return count >= 40 && cell.count !== null ? [cell.count - count] : [];
        }),
      );
    } finally {
      await orm.close();
    }
    expect(rows.length).toBeGreaterThan(100);
    expect(residuals.length).toBeGreaterThanOrEqual(10);
    // Noise of standard deviation sqrt(72): never six deviations off, centred, and of about that size
    // (a sampler that drew nothing, or too little, fails here). Bounds a true deviation leaves once in thousands of runs.
    const sd = Math.sqrt(72);
    for (const r of residuals) expect(Math.abs(r)).toBeLessThanOrEqual(6 * sd);
    const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
    const spread = Math.sqrt(residuals.reduce((a, r) => a + (r - mean) ** 2, 0) / (residuals.length - 1));
    console.log(`${residuals.length} residuals of large cells: mean ${mean.toFixed(2)}, standard deviation ${spread.toFixed(2)} (noise: ${sd.toFixed(2)})`);
    expect(Math.abs(mean)).toBeLessThan((4 * sd) / Math.sqrt(residuals.length));
    expect(spread).toBeGreaterThan(0.3 * sd);
    expect(spread).toBeLessThan(2 * sd);

    // The published release: every count at least 10 or suppressed, and read back the same each time.
    const { id } = (await releases())[0];
    const tables = await wholeRelease(id);
    for (const cells of tables.values()) {
      for (const cell of cells) {
        if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(10);
        else expect(cell.suppressed).toBe(true);
      }
    }
    expect([...tables.values()].flat()).toHaveLength(952);
    expect(await wholeRelease(id)).toEqual(tables);
  });

  it('answers a filter as a slice of the same stored table', async () => {
    const { id } = (await releases())[0];
    const fine = await summary(['GENDER_IDENTITY', 'PROVINCE'], undefined, id);
    for (const province of ['ON', 'QC', 'PE']) {
      const sliced = await summary(['GENDER_IDENTITY'], { province }, id);
      const expected = fine.cells.filter((c) => valueOf(c, 'PROVINCE') === province).map((c) => ({ gender: valueOf(c, 'GENDER_IDENTITY'), count: c.count, suppressed: c.suppressed }));
      expect(sliced.cells.map((c) => ({ gender: valueOf(c, 'GENDER_IDENTITY'), count: c.count, suppressed: c.suppressed }))).toEqual(expected);
    }
  });

  it('carries no member identifier anywhere in a release', async () => {
    const text = JSON.stringify([...(await wholeRelease((await releases())[0].id)).values()]) + JSON.stringify(await releases());
    const releaseIds = new Set((await releases()).map((r) => r.id));
    for (const uuid of text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []) expect(releaseIds.has(uuid)).toBe(true);
    expect(text).not.toMatch(/CAMD-|MG\d{7}/);
    const columns = await sql(stack.adminUrl, `select table_name, column_name from information_schema.columns where table_schema = 'edi' and table_name like 'edi_release%'`);
    expect(columns.map((c) => c.column_name)).not.toContain('member_id');
  });

  it('is refused to every purpose but EDI_REPORTING, which may read nothing else', async () => {
    for (const purpose of ['MEMBERSHIP', 'RISK_MANAGEMENT', 'PRIVACY_OFFICE'] as const) {
      expectRefused(await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy: ['GENDER_IDENTITY'] }, await asCaller(purpose)), 'PURPOSE_SCOPE');
      expectRefused(await postGraphQL(stack.gatewayUrl, '{ ediReleases { id } }', {}, await asCaller(purpose)), 'PURPOSE_SCOPE');
    }
    expectRefused(await postGraphQL(stack.gatewayUrl, '{ members(first: 1) { totalCount } }', {}, await asCaller('EDI_REPORTING')), 'PURPOSE_SCOPE');
  });

  it('refuses a grouping of no dimension, of more than three, or of one twice, naming groupBy', async () => {
    for (const groupBy of [[], ['GENDER_IDENTITY', 'DISABILITY', 'PROVINCE', 'SPECIALTY'], ['DISABILITY', 'DISABILITY']]) {
      const { body } = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy }, await asCaller('EDI_REPORTING'));
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupBy' });
    }
  });

  it.each([
    ['three dimensions', ['GENDER_IDENTITY', 'DISABILITY', 'PROVINCE'], undefined],
    ['a filter that adds a dimension past the declared tables', ['GENDER_IDENTITY', 'DISABILITY'], { province: 'ON' }],
    ['province and specialty together', ['SEXUAL_ORIENTATION'], { province: 'ON', specialty: 'PSYCHIATRY' }],
    ['province alone', ['PROVINCE'], undefined],
  ])('refuses %s, naming the tables a release publishes', async (_label, groupBy, filter) => {
    const { body } = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy, filter }, await asCaller('EDI_REPORTING'));
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupBy' });
    expect(body.errors![0].extensions!.tables).toContainEqual(['GENDER_IDENTITY', 'PROVINCE']);
    expect(body.errors![0].message).toMatch(/GENDER_IDENTITY × RACIALIZED_IDENTITY/);
  });

  it('refuses an unknown specialty without repeating it, and a release that is not one', async () => {
    const specialty = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy: ['GENDER_IDENTITY'], filter: { specialty: 'ASTROLOGY_X' } }, await asCaller('EDI_REPORTING'));
    expect(specialty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.specialty' });
    expect(JSON.stringify(specialty.body)).not.toContain('ASTROLOGY_X');
    // An empty specialty is no slice: refused, not answered with the whole table.
    const empty = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy: ['GENDER_IDENTITY'], filter: { specialty: '' } }, await asCaller('EDI_REPORTING'));
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.specialty' });
    for (const release of ['00000000-0000-4000-8000-000000000000', "1' or '1'='1"]) {
      const { status, body } = await postGraphQL(stack.gatewayUrl, SUMMARY, { groupBy: ['GENDER_IDENTITY'], release }, await asCaller('EDI_REPORTING'));
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'release' });
    }
  });
});
