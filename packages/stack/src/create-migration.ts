import 'reflect-metadata';
import { join } from 'node:path';
import { openDatabase } from '@mutual-graph/platform';
import { prepareDatabase } from './database.js';
import { DATA_DIR } from './paths.js';
import { openPostgres } from './postgres.js';
import { loadDevSecrets } from './secrets.js';
import { DATABASE_LOGINS, DATABASE_OWNERS } from './subgraphs.js';
import { stackEnvironment } from './environment.js';

/**
 * `npm run migration:create -- <subgraph or store> [name]`: brings the database up to the committed
 * migrations, then lets MikroORM generate the next one from the difference between the
 * entities and the database, into the subgraph's src/migrations. Migrations are generated,
 * never written by hand.
 */
const [name, label] = process.argv.slice(2);
const owner = DATABASE_OWNERS.find((o) => o.name === name);
if (!owner) {
  console.error(`usage: npm run migration:create -- <${DATABASE_LOGINS.join('|')}> [name]`);
  process.exit(2);
}
const secrets = await loadDevSecrets(join(DATA_DIR, 'secrets.json'), DATABASE_LOGINS);
const postgres = await openPostgres(DATA_DIR, secrets, {
  databaseUrl: stackEnvironment().DATABASE_URL,
  port: stackEnvironment().EMBEDDED_PG_PORT,
});
try {
  const prepared = await prepareDatabase(postgres.adminUrl, secrets.rolePasswords, null);
  const sourceFolder = owner.database.migrationsPath.replace(/([\\/])dist([\\/])/, '$1src$2');
  const orm = await openDatabase({ ...owner.database, migrationsPath: sourceFolder }, { clientUrl: prepared.ownerUrls[owner.name] });
  try {
    const result = await orm.migrator.create(sourceFolder, false, false, label);
    console.log(result.fileName ? `created ${join(sourceFolder, result.fileName)}` : 'entities and database agree: no migration needed');
  } finally {
    await orm.close();
  }
} finally {
  await postgres.stop();
}
