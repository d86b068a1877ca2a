import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  ConfigurationError,
  described,
  environmentSchema,
  environmentTable,
  familyValues,
  isKnownVariable,
  jsonOf,
  port,
  readEnvironment,
  requiredText,
  requiredVariables,
  SUBGRAPH_ENVIRONMENT,
} from '../src/service/environment.js';

const SCHEMA = environmentSchema(
  {
    DATABASE_URL: described(requiredText(), 'where the data is'),
    PORT: described(port().default(4000), 'port'),
    KEY: described(jsonOf(z.object({ kty: z.string() })).optional(), 'a key (JWK, JSON)'),
    DATA_DIR: described(z.string().default('/home/someone/repo/.data'), 'where files go', '.data/'),
  },
  { '<NAME>_SUBGRAPH_URL': { pattern: /^([A-Z]+)_SUBGRAPH_URL$/, description: 'where subgraph `<name>` answers' } },
);

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    readEnvironment(SCHEMA, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('a service environment schema', () => {
  it('yields typed values, and the defaults for what is unset or empty', () => {
    expect(readEnvironment(SCHEMA, { DATABASE_URL: 'postgres://x', PORT: '', KEY: '{"kty":"OKP"}' })).toEqual({
      DATABASE_URL: 'postgres://x',
      PORT: 4000,
      KEY: { kty: 'OKP' },
      DATA_DIR: '/home/someone/repo/.data',
    });
    expect(readEnvironment(SCHEMA, { DATABASE_URL: 'postgres://x', PORT: '0' }).PORT).toBe(0);
  });

  it('refuses a bad value naming the variable and what is wrong, every problem at once', () => {
    const message = refusal({ PORT: 'eighty', KEY: '{not json' });
    expect(message).toMatch(/^ {2}DATABASE_URL: is not set$/m);
    expect(message).toMatch(/^ {2}PORT: must be a whole number from 0 to 65535$/m);
    expect(message).toMatch(/^ {2}KEY: is not JSON$/m);
    expect(refusal({ DATABASE_URL: 'x', PORT: '70000' })).toMatch(/PORT: must be a whole number/);
    expect(refusal({ DATABASE_URL: 'x', KEY: '{"kty":1}' })).toMatch(/KEY\.kty: /);
  });

  it('ignores what it does not declare, and reads families by the name their pattern captures', () => {
    expect(readEnvironment(SCHEMA, { DATABASE_URL: 'x', UNRELATED: 'y' })).not.toHaveProperty('UNRELATED');
    expect(familyValues(SCHEMA.families['<NAME>_SUBGRAPH_URL'], { MEMBER_SUBGRAPH_URL: 'http://m', CASE_SUBGRAPH_URL: '', OTHER: 'z' })).toEqual({ member: 'http://m' });
    expect(isKnownVariable(SCHEMA, 'CASE_SUBGRAPH_URL')).toBe(true);
    expect(isKnownVariable(SCHEMA, 'SUBGRAPH_URL')).toBe(false);
  });

  it('says which variables are required', () => {
    expect(requiredVariables(SCHEMA)).toEqual(['DATABASE_URL']);
    expect(requiredVariables(SUBGRAPH_ENVIRONMENT)).toEqual(['DATABASE_URL', 'GATEWAY_HOP_PUBLIC_KEY']);
  });

  it('documents each variable with its default as the schema yields it, or as it is best shown', () => {
    expect(environmentTable(SCHEMA).split('\n')).toEqual([
      '| variable | meaning |',
      '| --- | --- |',
      '| `DATABASE_URL` | required: where the data is |',
      '| `PORT` | port (default `4000`) |',
      '| `KEY` | a key (JWK, JSON) |',
      '| `DATA_DIR` | where files go (default `.data/`) |',
      '| `<NAME>_SUBGRAPH_URL` | where subgraph `<name>` answers |',
    ]);
  });

  it('refuses to document a variable without a description', () => {
    expect(() => environmentTable(environmentSchema({ X: z.string() }))).toThrow(/X has no description/);
  });
});
