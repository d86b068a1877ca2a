import type { VariableSpecs } from '@mutual-graph/platform';

/** What `npm start` and `npm run setup` read. */
export const STACK_VARIABLES = {
  DATABASE_URL: {
    required: false,
    description: 'External PostgreSQL, as a role that may create roles and schemas; unset: embedded PostgreSQL under .data/',
  },
  EMBEDDED_PG_PORT: { required: false, description: 'Embedded PostgreSQL port (default 54329)' },
  GATEWAY_PORT: { required: false, description: 'Gateway port for npm start (default 4000)' },
  SEED_MEMBERS: { required: false, description: 'Synthetic members seeded into an empty database (default 2000, up to 1000000)' },
  SEED: { required: false, description: 'Seed of the synthetic data generator (default 1867): same seed, same rows' },
  MUTUAL_GRAPH_DATA_DIR: { required: false, description: 'Where embedded PostgreSQL and development secrets live (default .data/)' },
  '<NAME>_DB_PASSWORD': {
    required: false,
    pattern: /^(MEMBER|CASE|EDUCATION|PRIVACY|EDI|AUDIT)_DB_PASSWORD$/,
    description: "Password of the database role of subgraph or store <name> (default: generated once into .data/secrets.json)",
  },
} satisfies VariableSpecs;
