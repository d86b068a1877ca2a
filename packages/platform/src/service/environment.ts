/**
 * The environment variables a service reads, with what each means. The service reads its
 * configuration through these lists only, so docker-compose and the README can be checked
 * against them by a test.
 */
export interface VariableSpec {
  required: boolean;
  description: string;
  /** A family of variables, one per subgraph, e.g. `<NAME>_SUBGRAPH_URL`. */
  pattern?: RegExp;
}

export type VariableSpecs = Record<string, VariableSpec>;

export const SUBGRAPH_VARIABLES = {
  DATABASE_URL: { required: true, description: "PostgreSQL URL with this subgraph's own role (mg_<name>), which reaches only its schema" },
  GATEWAY_HOP_PUBLIC_KEY: { required: true, description: "The gateway's public key (Ed25519 JWK, JSON): requests without a hop token it signed are refused" },
  HOST: { required: false, description: 'Address to bind (default 127.0.0.1: subgraphs answer the gateway only)' },
  PORT: { required: false, description: 'Port (default: the contract port, 4001–4004)' },
  DATABASE_POOL_MAX: { required: false, description: 'Connections in the pool (default 10)' },
  LOG_LEVEL: { required: false, description: 'fatal, error, warn, info (default), debug or silent' },
  'OTEL_*': { required: false, pattern: /^OTEL_[A-Z_]+$/, description: 'OpenTelemetry SDK settings (OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on; OTEL_SERVICE_NAME, …)' },
  EDI_MINIMUM_CELL_SIZE: { required: false, description: 'Member subgraph: EDI summary cells under this count are suppressed (default 10; a lower value is ignored)' },
  '<NAME>_SUBGRAPH_URL': {
    required: false,
    pattern: /^[A-Z]+_SUBGRAPH_URL$/,
    description: 'Another subgraph this one asks, e.g. the case subgraph\'s MEMBER_SUBGRAPH_URL for eligibility',
  },
  '<STORE>_DATABASE_URL': {
    required: false,
    pattern: /^[A-Z]+_DATABASE_URL$/,
    description: "An isolated store's URL, as that store's own role (the member subgraph's EDI_DATABASE_URL, role mg_edi)",
  },
} satisfies VariableSpecs;

/** Whether `name` is one of `specs`, directly or through a pattern. */
export function isKnownVariable(specs: VariableSpecs, name: string): boolean {
  return name in specs || Object.values(specs).some((spec) => spec.pattern?.test(name));
}

/** The values of the listed (non-pattern) variables, and nothing else from the environment. */
export function readVariables<S extends VariableSpecs>(specs: S, env: NodeJS.ProcessEnv = process.env): { [K in keyof S]?: string } {
  const values: Partial<Record<keyof S, string>> = {};
  for (const name of Object.keys(specs) as (keyof S & string)[]) {
    const value = env[name];
    if (value !== undefined && value !== '') values[name] = value;
  }
  return values;
}
