import { ensureDatabase, ensureServiceRoles, migrate, openDatabase, roleUrl, withSchemaCreateRight } from '@mutual-graph/platform';
import type { SyntheticOptions } from '@mutual-graph/synthetic';
import { roleName, serviceRoles, SUBGRAPHS } from './subgraphs.js';

export interface PreparedDatabase {
  /** Each subgraph's own connection URL, by subgraph name. */
  subgraphUrls: Record<string, string>;
  migrated: Record<string, string[]>;
  seeded: Record<string, Record<string, number>>;
}

/**
 * With the administrator's URL: creates the database, one role and schema per subgraph,
 * then, as each subgraph's own role, applies its migrations and seeds it when empty.
 */
export async function prepareDatabase(adminUrl: string, passwords: Record<string, string>, seed: SyntheticOptions | null): Promise<PreparedDatabase> {
  await ensureDatabase(adminUrl);
  await ensureServiceRoles(adminUrl, serviceRoles(passwords));
  const prepared: PreparedDatabase = { subgraphUrls: {}, migrated: {}, seeded: {} };
  for (const subgraph of SUBGRAPHS) {
    const url = roleUrl(adminUrl, { role: roleName(subgraph.name), password: passwords[subgraph.name]! });
    prepared.subgraphUrls[subgraph.name] = url;
    const orm = await openDatabase(subgraph.database, { clientUrl: url, poolMax: 2 });
    try {
      prepared.migrated[subgraph.name] = await withSchemaCreateRight(adminUrl, roleName(subgraph.name), () => migrate(orm));
      if (seed) prepared.seeded[subgraph.name] = await subgraph.seed(orm.em.fork(), seed);
    } finally {
      await orm.close();
    }
  }
  return prepared;
}
