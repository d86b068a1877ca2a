import { postGraphQL, testStack } from '../../../../test/support/stack.js';
import { asCaller } from '../../../../test/support/tokens.js';

export const SUMMARY = `query ($groupBy: [EdiDimension!]!, $filter: EdiSummaryFilter, $release: ID) {
  ediSummary(groupBy: $groupBy, filter: $filter, release: $release) {
    release { id version } cells { values { dimension value } count suppressed } suppressedCells minimumCellSize
  }
}`;
export const RELEASES = `{ ediReleases { id version takenAt publishedAt publishedBy method minimumCellSize privacyLoss { rho epsilon rhoChangedAnswer epsilonChangedAnswer noiseStandardDeviation } tables { dimensions } } }`;
export const PUBLISH = 'mutation { publishEdiRelease { id version publishedBy tables { dimensions } } }';

export type Cell = { values: { dimension: string; value: string }[]; count: number | null; suppressed: boolean };
export type Summary = { release: { id: string; version: number }; cells: Cell[]; suppressedCells: number; minimumCellSize: number };

export const valueOf = (cell: Cell, dimension: string) => cell.values.find((v) => v.dimension === dimension)!.value;

/** The EDI reporting lead's headers: the role that may publish. */
export const asLead = () => asCaller('EDI_REPORTING', { sub: 'edi-lead', roles: ['staff', 'edi-reporting-lead'] });

export async function summary(groupBy: string[], filter?: Record<string, string>, release?: string): Promise<Summary> {
  const { body } = await postGraphQL<{ ediSummary: Summary }>(testStack().gatewayUrl, SUMMARY, { groupBy, filter, release }, await asCaller('EDI_REPORTING'));
  expect(body.errors).toBeUndefined();
  return body.data!.ediSummary;
}

export type Release = { id: string; version: number; publishedBy: string; tables: { dimensions: string[] }[]; [k: string]: unknown };

export async function releases(): Promise<Release[]> {
  const { body } = await postGraphQL<{ ediReleases: Release[] }>(testStack().gatewayUrl, RELEASES, {}, await asCaller('EDI_REPORTING'));
  expect(body.errors).toBeUndefined();
  return body.data!.ediReleases;
}

/** Every table of a release, as the gateway serves them. */
export async function wholeRelease(id: string): Promise<Map<string, Cell[]>> {
  const release = (await releases()).find((r) => r.id === id)!;
  const tables = new Map<string, Cell[]>();
  for (const { dimensions } of release.tables) tables.set(dimensions.join('+'), (await summary(dimensions, undefined, id)).cells);
  return tables;
}
