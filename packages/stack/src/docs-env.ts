import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEnvironmentTables } from './environment-tables.js';
import { ROOT } from './root.js';

/** `npm run docs:env`: writes the README's environment tables from the services' schemas. */
const path = join(ROOT, 'README.md');
const before = readFileSync(path, 'utf8');
const after = withEnvironmentTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md: environment tables already as the schemas say' : 'README.md: environment tables written from the schemas');
