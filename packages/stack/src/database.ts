import { ensureDatabase, ensureServiceRoles, migrate, openDatabase, roleUrl, withSchemaCreateRight } from '@mutual-graph/platform';
import type { SyntheticOptions } from '@mutual-graph/synthetic';
import { DATABASE_OWNERS, roleName, serviceRoles } from './subgraphs.js';

export interface PreparedDatabase {
  /** Each owner's own connection URL, by owner name (subgraphs and isolated stores). */
  ownerUrls: Record<string, string>;
  migrated: Record<string, string[]>;
  seeded: Record<string, Record<string, number>>;
}

/**
 * With the administrator's URL: creates the database, one role and schema per subgraph and per
 * isolated store, then, as each one's own role, applies its migrations and seeds it when empty.
 */
export async function prepareDatabase(adminUrl: string, passwords: Record<string, string>, seed: SyntheticOptions | null): Promise<PreparedDatabase> {
  await ensureDatabase(adminUrl);
  await ensureServiceRoles(adminUrl, serviceRoles(passwords));
  const prepared: PreparedDatabase = { ownerUrls: {}, migrated: {}, seeded: {} };
  for (const owner of DATABASE_OWNERS) {
    const url = roleUrl(adminUrl, { role: roleName(owner.name), password: passwords[owner.name]! });
    prepared.ownerUrls[owner.name] = url;
    const orm = await openDatabase(owner.database, { clientUrl: url, poolMax: 2 });
    try {
      prepared.migrated[owner.name] = await withSchemaCreateRight(adminUrl, roleName(owner.name), () => migrate(orm));
      if (seed) prepared.seeded[owner.name] = await owner.seed(orm.em.fork(), seed);
    } finally {
      await orm.close();
    }
  }
  return prepared;
}
