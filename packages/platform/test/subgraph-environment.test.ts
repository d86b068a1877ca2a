import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe("a subgraph process's environment", () => {
  it('refuses to start without its keys or with a bad pool size, naming each variable in one fatal line, never a stack trace', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'subgraphs', 'case', 'dist', 'server.js')], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://mg_case@127.0.0.1:1/x', DATABASE_POOL_MAX: 'ten', GATEWAY_HOP_PUBLIC_KEY: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/GATEWAY_HOP_PUBLIC_KEY: is not set/);
    expect(output).toMatch(/DATABASE_POOL_MAX: must be a whole number/);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
