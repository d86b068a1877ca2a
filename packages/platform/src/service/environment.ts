import { z } from 'zod';

/*
 * The environment a service reads, declared once per service as a schema that types, defaults,
 * validates and documents at the same time: each variable's schema yields its typed value and its
 * default, refuses a bad value at start-up with a message naming the variable, and its description
 * and default become the README's environment tables (environmentTable; a test keeps them equal).
 *
 * zod (v4) rather than envalid: several values here are structured (a JSON object of limits with
 * known keys, JWKs), which envalid leaves to hand-written validators and zod describes as schemas;
 * zod's `safeParse` collects every problem at once with its path, so one start-up message lists
 * every bad variable; and it is the most widely maintained of the two, already used across the
 * GraphQL tooling we follow. Families of variables (`<NAME>_SUBGRAPH_URL`) sit beside the schema.
 */

/** What a variable's schema may carry besides its description: how to show a default that is computed (a path). */
export interface VariableMeta {
  description: string;
  shownDefault?: string;
}

/** A family of variables, one per subgraph or store, read by the caller by name (e.g. `<NAME>_SUBGRAPH_URL`). */
export interface VariableFamily {
  pattern: RegExp;
  description: string;
}

export interface EnvironmentSchema<S extends z.ZodRawShape = z.ZodRawShape> {
  variables: z.ZodObject<S>;
  families: Record<string, VariableFamily>;
}

export type EnvironmentOf<E extends EnvironmentSchema> = z.output<E['variables']>;

/** A service's environment schema: its variables by name, and its families of variables by pattern. */
export function environmentSchema<S extends z.ZodRawShape>(variables: S, families: Record<string, VariableFamily> = {}): EnvironmentSchema<S> {
  return { variables: z.object(variables), families };
}

/** Describes a variable, for the README's tables; `shownDefault` for a default best shown otherwise than its value. */
export function described<T extends z.ZodType>(schema: T, description: string, shownDefault?: string): T {
  return schema.meta({ description, ...(shownDefault ? { shownDefault } : {}) });
}

const notSet = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'is not set' : undefined) };

/** A required text value. */
export const requiredText = () => z.string(notSet).min(1, 'is not set');

/** A whole number from `min` to `max`. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const message = min > Number.MIN_SAFE_INTEGER ? `must be a whole number from ${min} to ${max}` : 'must be a whole number';
  return z
    .string(notSet)
    .regex(/^-?\d+$/, message)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, message);
};

/** A TCP port (0 picks a free one). */
export const port = () => wholeNumber(0, 65535);

/** JSON text, parsed, then checked against `shape`. */
export function jsonOf<T extends z.ZodType>(shape: T) {
  return z
    .string(notSet)
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(shape);
}

/** A refusal to start: the environment is not what the service needs. Its message names each variable and what is wrong; no stack is worth showing. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** The service's configuration from the environment, typed and defaulted; a ConfigurationError listing every bad variable otherwise. Empty values count as unset. */
export function readEnvironment<S extends z.ZodRawShape>(schema: EnvironmentSchema<S>, env: NodeJS.ProcessEnv = process.env): z.output<z.ZodObject<S>> {
  const given: Record<string, string> = {};
  for (const name of Object.keys(schema.variables.shape)) {
    const value = env[name];
    if (value !== undefined && value !== '') given[name] = value;
  }
  const result = schema.variables.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigurationError(`the environment is not as this service needs it (see the README's environment tables):\n  ${problems.join('\n  ')}`);
}

/** The values of one family of variables, by the name each one's pattern captures (lower-cased), e.g. `{ member: 'http://…' }`. */
export function familyValues(family: VariableFamily, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = family.pattern.exec(name);
    if (match && value) values[(match[1] ?? name).toLowerCase()] = value;
  }
  return values;
}

/** Whether `name` is one of the schema's variables, directly or through a family. */
export function isKnownVariable(schema: EnvironmentSchema, name: string): boolean {
  return name in schema.variables.shape || Object.values(schema.families).some((family) => family.pattern.test(name));
}

/** The variables a service refuses to start without. */
export function requiredVariables(schema: EnvironmentSchema): string[] {
  return Object.entries(schema.variables.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

/** One row of the README's table for a variable: its description, `required` or its default, as the schema yields it. */
function row(name: string, field: z.ZodType): string {
  const meta = (field.meta() ?? {}) as Partial<VariableMeta>;
  if (!meta.description) throw new Error(`${name} has no description: describe it (described()) so the README can list it`);
  const unset = field.safeParse(undefined);
  const shown = meta.shownDefault ?? (unset.success && unset.data !== undefined ? (typeof unset.data === 'string' ? unset.data : JSON.stringify(unset.data)) : undefined);
  const meaning = !unset.success ? `required: ${meta.description}` : shown !== undefined ? `${meta.description} (default \`${shown}\`)` : meta.description;
  return `| \`${name}\` | ${meaning} |`;
}

/** The README's table of a service's environment, generated from its schema. */
export function environmentTable(schema: EnvironmentSchema): string {
  const rows = Object.entries(schema.variables.shape).map(([name, field]) => row(name, field as z.ZodType));
  for (const [name, family] of Object.entries(schema.families)) rows.push(`| \`${name}\` | ${family.description} |`);
  return ['| variable | meaning |', '| --- | --- |', ...rows].join('\n');
}

/** Levels the services' logger takes (pino's), and its default. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEFAULT_LOG_LEVEL = 'info';

/** Variables every service reads (its logger and its tracing). */
export const SERVICE_VARIABLES = {
  LOG_LEVEL: described(z.enum(LOG_LEVELS).default(DEFAULT_LOG_LEVEL), 'every service: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`'),
};

export const OTEL_VARIABLES: VariableFamily = {
  pattern: /^OTEL_[A-Z_]+$/,
  description: 'every service: OpenTelemetry SDK settings; tracing is off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set (`OTEL_SERVICE_NAME`, …)',
};

/** The default pool size (orm.ts). */
export const DEFAULT_POOL_MAX = 10;

/** How far behind the primary a read replica may be and still serve reads, by default (milliseconds). */
export const DEFAULT_REPLICA_MAX_LAG_MS = 5000;

/** What every subgraph process reads (runSubgraph); its default port is its contract port. */
export const SUBGRAPH_ENVIRONMENT = environmentSchema(
  {
    DATABASE_URL: described(requiredText(), "PostgreSQL URL as this subgraph's own role (`mg_<name>`), which reaches only its schema"),
    DATABASE_REPLICA_URL: described(
      z.string().optional(),
      "PostgreSQL URL of a streaming read replica of the same database, as the same role: a client's GraphQL queries read the entities the subgraph lists as replica-safe there; writes, transactions and every read a decision depends on stay on `DATABASE_URL` (unset: everything reads the primary)",
    ),
    DATABASE_REPLICA_MAX_LAG_MS: described(
      wholeNumber(0, 86_400_000).default(DEFAULT_REPLICA_MAX_LAG_MS),
      'with `DATABASE_REPLICA_URL`: the most the replica may be behind the primary (measured about every second) and still serve reads; further behind, unreachable, or not yet measured, every read goes to the primary',
    ),
    GATEWAY_HOP_PUBLIC_KEY: described(jsonOf(z.record(z.string(), z.unknown())), "the gateway's Ed25519 public key (JWK, JSON): requests without a hop token it signed are refused"),
    HOST: described(z.string().default('127.0.0.1'), 'address to bind; subgraphs answer the gateway only'),
    PORT: described(port().optional(), 'port (default: the contract port, 4001–4004)'),
    DATABASE_POOL_MAX: described(wholeNumber(1, 1000).default(DEFAULT_POOL_MAX), 'connections in the pool'),
    ...SERVICE_VARIABLES,
    EDI_MINIMUM_CELL_SIZE: described(z.string().optional(), 'member subgraph only: EDI summary cells under this count are suppressed (default 10, the policy floor; a lower value is ignored)'),
  },
  {
    'OTEL_*': OTEL_VARIABLES,
    '<NAME>_SUBGRAPH_URL': { pattern: /^([A-Z]+)_SUBGRAPH_URL$/, description: "another subgraph this one asks, e.g. the case subgraph's `MEMBER_SUBGRAPH_URL` for eligibility" },
    '<STORE>_DATABASE_URL': { pattern: /^([A-Z]+)_DATABASE_URL$/, description: "an isolated store's URL, as that store's own role (the member subgraph's `EDI_DATABASE_URL`, role `mg_edi`)" },
  },
);
