import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_TABLES, withEnvironmentTables } from '../src/environment-tables.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');

describe("the README's environment tables", () => {
  it("are the ones the services' schemas generate (npm run docs:env rewrites them)", () => {
    expect(README).toBe(withEnvironmentTables(README));
  });

  it('list every variable of the stack, the subgraphs and the gateway', () => {
    for (const schema of Object.values(ENVIRONMENT_TABLES)) {
      for (const name of [...Object.keys(schema.variables.shape), ...Object.keys(schema.families)]) expect(README).toContain(`| \`${name}\` |`);
    }
  });

  it('refuse a README whose table markers are gone', () => {
    expect(() => withEnvironmentTables('# no tables')).toThrow(/environment:stack/);
  });
});
