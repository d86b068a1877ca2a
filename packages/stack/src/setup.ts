import 'reflect-metadata';
import { join } from 'node:path';
import { prepareDatabase } from './database.js';
import { DATA_DIR } from './paths.js';
import { seedOptionsFromEnv } from './seed-options.js';
import { stackEnvironment } from './environment.js';
import { loadDevSecrets } from './secrets.js';
import { DATABASE_LOGINS, DATABASE_OWNERS } from './subgraphs.js';

/**
 * `npm run setup` (docker-compose's one-shot `setup` service): on the PostgreSQL that
 * DATABASE_URL names, creates each subgraph's role and schema, applies migrations and
 * seeds empty tables, then exits. Role passwords come from `<NAME>_DB_PASSWORD`.
 */
const environment = (() => {
  try {
    return stackEnvironment();
  } catch (error) {
    console.error(`setup: ${(error as Error).message}`);
    process.exit(2);
  }
})();
const adminUrl = environment.DATABASE_URL;
if (!adminUrl) {
  console.error('setup: DATABASE_URL must name the PostgreSQL to prepare, as a role that may create roles and schemas');
  process.exit(2);
}
try {
  const secrets = await loadDevSecrets(join(DATA_DIR, 'secrets.json'), DATABASE_LOGINS);
  const prepared = await prepareDatabase(adminUrl, secrets.rolePasswords, seedOptionsFromEnv());
  for (const owner of DATABASE_OWNERS) {
    const applied = prepared.migrated[owner.name] ?? [];
    const seeded = Object.entries(prepared.seeded[owner.name] ?? {})
      .map(([t, n]) => `${n} ${t}`)
      .join(', ');
    console.log(`setup: ${owner.name}: ${applied.length} migration(s) applied${seeded ? `; seeded ${seeded}` : ''}`);
  }
} catch (error) {
  console.error(`setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
