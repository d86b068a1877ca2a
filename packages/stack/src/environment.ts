import { described, environmentSchema, port, readEnvironment, wholeNumber } from '@mutual-graph/platform';
import { DEFAULT_SYNTHETIC_OPTIONS } from '@mutual-graph/synthetic';
import { z } from 'zod';
import { ROOT } from './root.js';
import { DEFAULT_IDP_PORT } from '@mutual-graph/identity-provider';
import { DEFAULT_EMBEDDED_PG_PORT } from './postgres.js';
import { DEFAULT_PGBOUNCER_POOL_SIZE } from './pgbouncer.js';

export const MAX_SEED_MEMBERS = 1_000_000;

/** Who signs the tokens the gateway accepts: the one development key (`npm run token`), or a local OpenID Connect provider. */
export const IDENTITY_PROVIDERS = ['dev-key', 'local'] as const;
export type IdentityProviderMode = (typeof IDENTITY_PROVIDERS)[number];

/** What `npm start`, `npm run setup` and the other stack commands read (see platform's environment.ts for the schema's habits). */
export const STACK_ENVIRONMENT = environmentSchema(
  {
    DATABASE_URL: described(z.string().optional(), 'external PostgreSQL, as a role that may create roles and schemas; unset: embedded PostgreSQL under `.data/`'),
    EMBEDDED_PG_PORT: described(port().default(DEFAULT_EMBEDDED_PG_PORT), 'embedded PostgreSQL port'),
    PGBOUNCER_PORT: described(
      port().optional(),
      "`npm start` runs PgBouncer (Debian's package, installed when missing) in transaction mode on this port, between PostgreSQL and the subgraphs and gateway; setup and the effects worker connect directly; unset: no PgBouncer",
    ),
    PGBOUNCER_POOL_SIZE: described(wholeNumber(1, 1000).default(DEFAULT_PGBOUNCER_POOL_SIZE), "PgBouncer's server connections per database role, with `PGBOUNCER_PORT`"),
    GATEWAY_PORT: described(port().default(4000), "gateway port for `npm start`; for `npm run cluster`, nginx's in front of the gateways"),
    SEED_MEMBERS: described(
      wholeNumber(0, MAX_SEED_MEMBERS).default(DEFAULT_SYNTHETIC_OPTIONS.members),
      `synthetic members seeded into an empty database, up to ${MAX_SEED_MEMBERS.toLocaleString('en')}; 0 seeds nothing (a production database)`,
    ),
    SEED: described(wholeNumber(Number.MIN_SAFE_INTEGER).default(DEFAULT_SYNTHETIC_OPTIONS.seed), 'seed of the synthetic data generator: same seed, same rows'),
    IDENTITY_PROVIDER: described(
      z.enum(IDENTITY_PROVIDERS, { error: `must be one of ${IDENTITY_PROVIDERS.join(', ')}` }).default('dev-key'),
      '`dev-key`: the gateway trusts the one development key `npm run token` signs with; `local`: `npm start` first runs the development OpenID Connect provider (`packages/identity-provider`, keys, clients and accounts under `.data/identity-provider/`), and the gateway verifies its JWT access tokens through its JWKS, as in production',
    ),
    IDP_PORT: described(port().default(DEFAULT_IDP_PORT), "the local identity provider's port, with `IDENTITY_PROVIDER=local`"),
    MUTUAL_GRAPH_DATA_DIR: described(z.string().default(`${ROOT}.data`), 'where embedded PostgreSQL and development secrets live', '.data/'),
  },
  {
    '<NAME>_DB_PASSWORD': {
      pattern: /^(MEMBER|CASE|EDUCATION|PRIVACY|EDI|AUDIT|EFFECTS|PRIVACY_OFFICE)_DB_PASSWORD$/,
      description:
        'password of the database role of subgraph or store `<name>` (`MEMBER`, `CASE`, `EDUCATION`, `PRIVACY`, `EDI`, `AUDIT`), of the effects worker (`EFFECTS`), or of the privacy office’s audit-reading login (`PRIVACY_OFFICE`); default: generated once into `.data/secrets.json`, with the development keys',
    },
  },
);

/** The stack commands' configuration, typed and defaulted; a ConfigurationError naming each bad variable otherwise. */
export const stackEnvironment = (env: NodeJS.ProcessEnv = process.env) => readEnvironment(STACK_ENVIRONMENT, env);
