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
  /** Database URL of each subgraph and isolated store, as its own role, as the services were given it (through PgBouncer when it runs; the effects worker's direct). */
  ownerUrls: Record<string, string>;
  /** The same roles' URLs straight to PostgreSQL. */
  directOwnerUrls: Record<string, string>;
  /** PgBouncer's admin console and its server connections per role, or null when the services connect directly (TEST_PGBOUNCER=off). */
  pgbouncer: { adminUrl: string; port: number; poolSize: number } | null;
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

/** An error as the graph answers it (graph-contract.md): a code, and a refusal's policy, argument or reason. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; argument?: string; reason?: string; limit?: string; policy?: { rule: string; fields?: string[] }; [key: string]: unknown };
}

/** An answer; `T` is what the test expects under `data` (each root field unknown until it says). */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: GraphQLErrorBody[] };
}

/** An `_entities` answer, one object per representation, as the test expects them. */
export type Entities<E = Record<string, unknown>> = { _entities: E[] };

/** A body read as a GraphQL answer, for a response fetched without postGraphQL. */
export type GraphQLBody<T = Record<string, unknown>> = GraphQLResponse<T>['body'];

/** The errors of an answer read as text. */
export const errorsIn = (text: string) => (JSON.parse(text) as GraphQLBody).errors ?? [];

/**
 * Whether fetch failed on a pooled keep-alive connection the server had already closed: the server
 * closes idle sockets after 5 s, and a test that blocked the event loop past that (building a schema)
 * can hand fetch a socket whose idle timer never got to run. Nothing was answered; the request is sent again, once.
 */
const staleConnection = (error: unknown) =>
  (error as { cause?: { code?: string; message?: string } }).cause?.code === 'UND_ERR_SOCKET' && /other side closed/.test((error as { cause: { message?: string } }).cause.message ?? '');

/** POSTs one operation over real HTTP. */
export async function postGraphQL<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  const response = await send().catch((error: unknown) => {
    if (staleConnection(error)) return send();
    throw error;
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** Runs SQL as the given role (the administrator unless an owner's URL is passed). */
export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
