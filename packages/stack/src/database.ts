import { EFFECTS_ROLE, ensureDatabase, ensureServiceRoles, migrate, openDatabase, OUTBOXES, roleUrl, withSchemaCreateRight } from '@mutual-graph/platform';
import { loadSeed, type SeedTarget } from './seeding/bulk-load.js';
import type { SyntheticOptions } from '@mutual-graph/synthetic';
import { AUDIT_READER_ROLE, installOutbox, installWorkerHeartbeats } from '@mutual-graph/gateway';
import { DATABASE_OWNERS, EFFECTS_LOGIN, PRIVACY_OFFICE_LOGIN, roleName, serviceRoles } from './subgraphs.js';

export interface PreparedDatabase {
  /** Each owner's own connection URL, by owner name (subgraphs and isolated stores), the effects worker's (`effects`) and the privacy office's (`privacy_office`). */
  ownerUrls: Record<string, string>;
  migrated: Record<string, string[]>;
  seeded: Record<string, Record<string, number>>;
  /** Rows each isolated store's reconciliation wrote into its copies. */
  reconciled: Record<string, number>;
  /** How the seed was loaded, when anything was. */
  seedTimings?: { generateMs: number; copyMs: number; parts: number };
}

/**
 * With the administrator's URL: creates the database, one role and schema per subgraph and per
 * isolated store, then, as each one's own role, applies its migrations, installs its outbox if it
 * has one (graphile-worker's migrations, the effects worker's grants) and seeds what is empty (with
 * COPY, the population generated once for all of them); and the effects workers' heartbeat table.
 */
export async function prepareDatabase(adminUrl: string, passwords: Record<string, string>, seed: SyntheticOptions | null): Promise<PreparedDatabase> {
  await ensureDatabase(adminUrl);
  await ensureServiceRoles(adminUrl, serviceRoles(passwords));
  const prepared: PreparedDatabase = {
    ownerUrls: {
      [EFFECTS_LOGIN]: roleUrl(adminUrl, { role: EFFECTS_ROLE, password: passwords[EFFECTS_LOGIN] }),
      [PRIVACY_OFFICE_LOGIN]: roleUrl(adminUrl, { role: AUDIT_READER_ROLE, password: passwords[PRIVACY_OFFICE_LOGIN] }),
    },
    migrated: {},
    seeded: {},
    reconciled: {},
  };
  await installWorkerHeartbeats(adminUrl);
  const targets: SeedTarget[] = [];
  for (const owner of DATABASE_OWNERS) {
    const url = roleUrl(adminUrl, { role: roleName(owner.name), password: passwords[owner.name] });
    prepared.ownerUrls[owner.name] = url;
    const orm = await openDatabase(owner.database, { clientUrl: url, poolMax: 2 });
    try {
      const outbox = OUTBOXES[owner.name as keyof typeof OUTBOXES];
      prepared.migrated[owner.name] = await withSchemaCreateRight(adminUrl, roleName(owner.name), async () => {
        const applied = await migrate(orm);
        if (outbox) await installOutbox(adminUrl, outbox.schema, roleName(owner.name));
        return applied;
      });
      if (seed) targets.push({ name: owner.name, url, schema: owner.database.schema, metadata: orm.getMetadata(), groups: owner.seed(seed) });
    } finally {
      await orm.close();
    }
  }
  if (seed) {
    const { loaded, ...timings } = await loadSeed(targets, seed, { worker: new URL('./seed-worker.js', import.meta.url) });
    prepared.seeded = loaded;
    prepared.seedTimings = timings;
  }
  // Copies a store keeps of its subgraph's data, mended before anything serves; then what a seeded store derives.
  for (const owner of DATABASE_OWNERS.filter((o) => o.reconcile || (seed && o.afterSeed))) {
    const subgraph = DATABASE_OWNERS.find((o) => o.name === owner.service)!;
    const store = await openDatabase(owner.database, { clientUrl: prepared.ownerUrls[owner.name], poolMax: 2 });
    const source = await openDatabase(subgraph.database, { clientUrl: prepared.ownerUrls[subgraph.name], poolMax: 2 });
    try {
      if (owner.reconcile) prepared.reconciled[owner.name] = await owner.reconcile(store.em.fork(), source.em.fork());
      if (seed && owner.afterSeed) await owner.afterSeed(store.em.fork());
    } finally {
      await store.close();
      await source.close();
    }
  }
  return prepared;
}
