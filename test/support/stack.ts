import pg from 'pg';
import type { SyntheticOptions } from '@mutual-graph/synthetic';
import type { JWK } from 'jose';

/** The stack that test/global-setup.js started for this run. */
export interface TestStack {
  gatewayUrl: string;
  gatewayPort: number;
  subgraphUrls: Record<string, string>;
  /** The effects worker's address: `/ready` lists dead letters, `/metrics` counts them. */
  effectsUrl: string;
  /** Process id of each of the stack's services, by name (`gateway`, `effects`, `member`, …). */
  pids: Record<string, number>;
  dataDir: string;
  adminUrl: string;
  /** Database URL of each subgraph and isolated store, as its own role. */
  ownerUrls: Record<string, string>;
  seed: SyntheticOptions;
  /** Every line the stack's services printed. */
  serviceLogFile: string;
  issuerPrivateJwk: JWK;
  hopPrivateJwk: JWK;
  hopPublicJwk: JWK;
}

export function testStack(): TestStack {
  const raw = process.env.TEST_STACK;
  if (!raw) throw new Error('TEST_STACK is not set: run tests through jest, whose global setup starts the stack');
  return JSON.parse(raw) as TestStack;
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

/** POSTs one operation over real HTTP. */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** Runs SQL as the given role (the administrator unless an owner's URL is passed). */
export async function sql<R extends pg.QueryResultRow = any>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
