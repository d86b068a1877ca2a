import type { EntityManager } from '@mikro-orm/postgresql';
import { EdiDimension, NOT_ANSWERED } from './edi-dimensions.js';
import { cellKey, EDI_RELEASE_TABLES, type ReleaseTable } from './edi-release-tables.js';

/** The column of the respondent view behind each dimension. */
const COLUMN: Record<EdiDimension, string> = {
  GENDER_IDENTITY: 'gender_identity',
  INDIGENOUS_IDENTITY: 'indigenous_identity',
  RACIALIZED_IDENTITY: 'racialized_identity',
  DISABILITY: 'disability',
  SEXUAL_ORIENTATION: 'sexual_orientation',
  PROVINCE: 'province',
  SPECIALTY: 'specialty',
};
const DIMENSIONS = Object.values(EdiDimension);

/** True counts per table key, then per cell key; empty cells are absent. */
export type TrueCounts = Map<string, Map<string, number>>;

/**
 * Counts every table of a release in one statement, so all of them come from one snapshot of the
 * EDI store: GROUPING SETS, one set per table, over the EDI answers (a question left blank is
 * NOT_ANSWERED) and the store's own copy of practice province and specialty. A respondent whose
 * practice is not copied yet counts in the tables without province or specialty only.
 * Runs on the EDI store's connection, inside the caller's transaction.
 */
export async function countRelease(em: EntityManager, tables: readonly ReleaseTable[] = EDI_RELEASE_TABLES): Promise<TrueCounts> {
  const columns = DIMENSIONS.map((d) => COLUMN[d]);
  const answer = (column: string) => `coalesce(e.${column}, '${NOT_ANSWERED}') as ${column}`;
  const sets = tables.map((t) => `(${t.dimensions.map((d) => COLUMN[d]).join(', ')})`).join(', ');
  const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
    `with respondent as (
       select ${columns.slice(0, 5).map(answer).join(', ')}, p.province, p.specialty
       from edi.edi_profile e left join edi.member_practice p on p.member_id = e.member_id)
     select ${columns.join(', ')}, grouping(${columns.join(', ')}) as aggregated, count(*)::int as n
     from respondent group by grouping sets (${sets})`,
    [],
    'all',
    em.getTransactionContext(),
  );
  const counts: TrueCounts = new Map(tables.map((t) => [t.key, new Map<string, number>()]));
  for (const row of rows) {
    // GROUPING's bit for a column is 1 when the row aggregates over it; the first column is the highest bit.
    const mask = Number(row.aggregated);
    const grouped = DIMENSIONS.filter((_, i) => (mask & (1 << (DIMENSIONS.length - 1 - i))) === 0);
    const table = tables.find((t) => t.dimensions.length === grouped.length && t.dimensions.every((d) => grouped.includes(d)));
    const values = table?.dimensions.map((d) => row[COLUMN[d]]);
    // A respondent without a copied practice has no province: not a cell of the table.
    if (!table || !values || values.some((v) => v === null)) continue;
    counts.get(table.key)!.set(cellKey(values as string[]), Number(row.n));
  }
  return counts;
}
