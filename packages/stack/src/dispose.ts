import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RETENTION_SCHEDULE } from '@mutual-graph/policy';
import { today } from '@mutual-graph/domain-codes';
import { disposeAll } from './disposition.js';
import { DATA_DIR } from './paths.js';
import { openPostgres } from './postgres.js';
import { loadDevSecrets } from './secrets.js';
import { DATABASE_LOGINS } from './subgraphs.js';

/**
 * `npm run dispose -- [--dry-run] [--as-of YYYY-MM-DD] [--batch-size N] [--subgraph NAME …]`:
 * anonymises or destroys what the retention schedule says is past keeping, in every subgraph, in
 * batches; a run that stopped part way is taken up where it stopped. With `--dry-run` it lists
 * what it would do and changes nothing. Every run is recorded in each subgraph's disposition_run.
 * On DATABASE_URL when set, otherwise on the embedded PostgreSQL that `npm start` uses.
 */
const USAGE = 'usage: npm run dispose -- [--dry-run] [--as-of YYYY-MM-DD] [--batch-size N] [--subgraph member|case|education|privacy ...]';
let args;
try {
  args = parseArgs({
    options: { 'dry-run': { type: 'boolean' }, 'as-of': { type: 'string' }, 'batch-size': { type: 'string' }, subgraph: { type: 'string', multiple: true }, help: { type: 'boolean' } },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const asOf = args['as-of'] ?? today();
const batchSize = Number(args['batch-size'] ?? 500);
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)) || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error(`dispose: --as-of must be a date and --batch-size a whole number from 1 to 10,000\n${USAGE}`);
  process.exit(2);
}

const secrets = await loadDevSecrets(join(DATA_DIR, 'secrets.json'), DATABASE_LOGINS);
const postgres = await openPostgres(DATA_DIR, secrets, { databaseUrl: process.env.DATABASE_URL, useRunning: true });
try {
  const dryRun = args['dry-run'] ?? false;
  const reports = await disposeAll(postgres.adminUrl, secrets.rolePasswords, { asOf, dryRun, batchSize, subgraphs: args.subgraph });
  for (const report of reports) {
    const rules = Object.entries(report.counts).map(([rule, n]) => {
      const { disposition } = RETENTION_SCHEDULE.find((r) => r.name === rule)!;
      return `${rule}: ${n} ${dryRun ? `due (${disposition})` : disposition === 'ANONYMISE' ? 'anonymised' : 'destroyed'}`;
    });
    console.log(`dispose ${report.subgraph}${report.resumed ? ' (resumed an unfinished run)' : ''} as of ${report.asOf}: ${rules.join('; ') || 'nothing in its schedule'} [run ${report.runId}]`);
    if (dryRun) for (const [rule, keys] of Object.entries(report.samples)) if (keys.length) console.log(`  ${rule}, first keys: ${keys.join(', ')}`);
    for (const [rule, kept] of Object.entries(report.held))
      for (const row of kept) console.log(`  ${rule}: kept ${row.id} (member ${row.memberId}), held by ${row.holdId} for request ${row.requestId}: ${row.why}`);
  }
} catch (error) {
  console.error(`dispose failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await postgres.stop();
}
