import {
  ConfigurationError,
  described,
  EFFECTS_ROLE,
  environmentSchema,
  familyValues,
  OTEL_VARIABLES,
  OUTBOXES,
  port,
  readEnvironment,
  requiredText,
  SERVICE_VARIABLES,
  wholeNumber,
} from '@mutual-graph/platform';
import type { JWK } from 'jose';
import { z } from 'zod';
import { GATEWAY_ENVIRONMENT } from '../config.js';
import { EFFECT_HANDLERS } from './effects.js';
import { HEARTBEATS } from './heartbeat-schema.js';

/** The effects worker's port: beside the contract's 4000–4004, for its health and metrics alone. */
export const EFFECTS_WORKER_PORT = 4005;

const OUTBOX_SCHEMAS = Object.values(OUTBOXES)
  .map((o) => `\`${o.schema}\``)
  .join(', ');
/** The subgraphs the deferred effects go to: the worker needs each one's URL. */
export const RECEIVERS = [...new Set(Object.values(OUTBOXES).flatMap((o) => o.kinds.map((kind) => EFFECT_HANDLERS[kind].subgraph)))].sort();

/** The effects worker's environment (the README's table is generated from it). */
export const EFFECTS_ENVIRONMENT = environmentSchema(
  {
    DATABASE_URL: described(
      requiredText(),
      `PostgreSQL URL as role \`${EFFECTS_ROLE}\`, which may use the outboxes (${OUTBOX_SCHEMAS}) and its heartbeats (\`${HEARTBEATS}\`), nothing else; straight to PostgreSQL, not through PgBouncer (it LISTENs)`,
    ),
    EFFECTS_STALE_LOCK_SECONDS: described(
      wholeNumber(2, 3_600).default(30),
      "a worker's job and queue locks are taken from it this long after its last heartbeat (it beats every sixth of this), so that a crashed worker's effects run again; a worker alive but cut off from PostgreSQL this long may see its job run twice",
    ),
    GATEWAY_HOP_PRIVATE_KEY: GATEWAY_ENVIRONMENT.variables.shape.GATEWAY_HOP_PRIVATE_KEY,
    HOST: described(z.string().default('127.0.0.1'), 'address to bind, for `/health`, `/ready` (with the dead letters) and `/metrics`'),
    PORT: described(port().default(EFFECTS_WORKER_PORT), 'port'),
    ...SERVICE_VARIABLES,
  },
  {
    'OTEL_*': OTEL_VARIABLES,
    '<NAME>_SUBGRAPH_URL': {
      pattern: /^([A-Z]+)_SUBGRAPH_URL$/,
      description: `required for each subgraph an effect goes to (${RECEIVERS.map((r) => `\`${r.toUpperCase()}_SUBGRAPH_URL\``).join(', ')})`,
    },
  },
);

export interface EffectsWorkerConfig {
  databaseUrl: string;
  hopPrivateKey: JWK;
  subgraphUrls: Record<string, string>;
  host: string;
  port: number;
  staleLockSeconds: number;
}

/** Reads the worker's configuration from EFFECTS_ENVIRONMENT; a ConfigurationError naming each variable at fault otherwise. */
export function effectsWorkerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EffectsWorkerConfig {
  const values = readEnvironment(EFFECTS_ENVIRONMENT, env);
  const subgraphUrls = familyValues(EFFECTS_ENVIRONMENT.families['<NAME>_SUBGRAPH_URL'], env);
  const missing = RECEIVERS.filter((name) => !subgraphUrls[name]);
  if (missing.length > 0) throw new ConfigurationError(`set ${missing.map((name) => `${name.toUpperCase()}_SUBGRAPH_URL`).join(', ')}: the effects go there`);
  return { databaseUrl: values.DATABASE_URL, hopPrivateKey: values.GATEWAY_HOP_PRIVATE_KEY, subgraphUrls, host: values.HOST, port: values.PORT, staleLockSeconds: values.EFFECTS_STALE_LOCK_SECONDS };
}
