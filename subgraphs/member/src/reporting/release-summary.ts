import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, requireUuid } from '@mutual-graph/platform';
import { SPECIALTIES } from '@mutual-graph/domain-codes';
import { GraphQLError } from 'graphql';
import { EdiRelease } from '../entities/edi-release.js';
import { EdiDimension } from './edi-dimensions.js';
import { EDI_RELEASE_TABLES, releaseTable } from './edi-release-tables.js';

const MAX_GROUPING = 3;

export interface SummaryRequest {
  groupBy: EdiDimension[];
  filter?: { province?: string | null; specialty?: string | null } | null;
  /** A release's id; the latest published release when absent. */
  release?: string | null;
}

export interface SummaryCell {
  values: { dimension: EdiDimension; value: string }[];
  count: number | null;
  suppressed: boolean;
}

export interface Summary {
  release: EdiRelease;
  cells: SummaryCell[];
}

const tableNames = (keys: readonly string[]) => keys.map((k) => k.replaceAll('+', ' × ')).join('; ');

/** The release asked for, or the latest; an error with a code when there is none. */
export async function findRelease(em: EntityManager, id?: string | null): Promise<EdiRelease> {
  if (id !== undefined && id !== null) {
    const release = await em.findOne(EdiRelease, { id: requireUuid('release', id) });
    if (!release) throw badUserInput('release', 'no EDI release has this id');
    return release;
  }
  const latest = await em.findOne(EdiRelease, { version: { $gt: 0 } }, { orderBy: { version: 'desc' } });
  if (!latest) throw new GraphQLError('no EDI release has been published yet: EDI statistics come only from published releases', { extensions: { code: 'NO_EDI_RELEASE' } });
  return latest;
}

/**
 * A summary is a read of one stored table of one release: the table over the grouping and the
 * filtered dimensions together, sliced by the filter's values. Nothing is counted here, so no
 * request, however many, learns more than the release published once.
 */
export async function readSummary(em: EntityManager, request: SummaryRequest): Promise<Summary> {
  const { groupBy, filter } = request;
  if (groupBy.length < 1 || groupBy.length > MAX_GROUPING || new Set(groupBy).size !== groupBy.length) {
    throw badUserInput('groupBy', `groupBy takes one to ${MAX_GROUPING} different dimensions`);
  }
  if (filter?.specialty !== undefined && filter.specialty !== null && !(SPECIALTIES as readonly string[]).includes(filter.specialty)) {
    throw badUserInput('filter.specialty', `specialty is one of ${SPECIALTIES.join(', ')}`);
  }
  const fixed = new Map<EdiDimension, string>();
  if (filter?.province) fixed.set(EdiDimension.PROVINCE, filter.province);
  if (filter?.specialty) fixed.set(EdiDimension.SPECIALTY, filter.specialty);
  const table = releaseTable([...groupBy, ...fixed.keys()]);
  if (!table) {
    throw new GraphQLError(`a release publishes only these tables (grouping and filters together): ${tableNames(EDI_RELEASE_TABLES.map((t) => t.key))}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'groupBy', tables: EDI_RELEASE_TABLES.map((t) => t.dimensions) },
    });
  }
  const release = await findRelease(em, request.release);
  if (!release.tables.includes(table.key)) {
    throw new GraphQLError(`release ${release.version} publishes only these tables: ${tableNames(release.tables)}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'groupBy', tables: release.tables.map((k) => k.split('+')) },
    });
  }
  // Plain rows: a summary is the graph's one EDI read, and it should cost one indexed range scan.
  const stored = await em
    .getConnection()
    .execute<{ cell_values: string[]; count: number | null }[]>('select cell_values, count from edi.edi_release_cell where release_id = ? and table_key = ? order by position', [
      release.id,
      table.key,
    ]);
  const at = (d: EdiDimension) => table.dimensions.indexOf(d);
  const cells = stored
    .filter((cell) => [...fixed].every(([d, value]) => cell.cell_values[at(d)] === value))
    .map((cell) => ({
      values: groupBy.map((dimension) => ({ dimension, value: cell.cell_values[at(dimension)] })),
      count: cell.count,
      suppressed: cell.count === null,
    }));
  return { release, cells };
}
