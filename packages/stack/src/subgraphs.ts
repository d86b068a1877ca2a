import { SUBGRAPHS } from '@mutual-graph/composition';
import { AUDIT_DATABASE, AUDIT_READER_ROLE } from '@mutual-graph/gateway';
import { EFFECTS_ROLE, storeUrlVariable, type IsolatedStore, type ServiceRole, type SubgraphDatabase, type SubgraphDefinition } from '@mutual-graph/platform';

import type { SeedPlan } from './seeding/seed-plan.js';
import { AFTER_SEED, SEED_PLANS } from './seeds/index.js';

export { SUBGRAPHS };

/** A slice of the database with its own schema and login role: a subgraph's own, an isolated store, or the gateway's audit. */
export interface DatabaseOwner {
  /** `member`, `case`, …, an isolated store's name (`edi`), or `audit`. */
  name: string;
  /** The service process that connects to it: a subgraph's name, or `gateway`. */
  service: string;
  database: SubgraphDatabase;
  /** The variable that hands the owner's URL to its subgraph process. */
  variable: string;
  seed: SeedPlan;
  afterSeed?: IsolatedStore['afterSeed'];
  reconcile?: IsolatedStore['reconcile'];
}

export const DATABASE_OWNERS: DatabaseOwner[] = [
  ...SUBGRAPHS.flatMap((subgraph: SubgraphDefinition<unknown>) => [
    { name: subgraph.name, service: subgraph.name, database: subgraph.database, variable: 'DATABASE_URL', seed: SEED_PLANS[subgraph.name], afterSeed: AFTER_SEED[subgraph.name] },
    ...(subgraph.isolatedStores ?? []).map((store) => ({
      name: store.name,
      service: subgraph.name,
      database: store.database,
      variable: storeUrlVariable(store.name),
      seed: SEED_PLANS[store.name],
      afterSeed: store.afterSeed,
      reconcile: store.reconcile,
    })),
  ]),
  // The gateway's audit records: written by the gateway alone, never seeded.
  { name: 'audit', service: 'gateway', database: AUDIT_DATABASE, variable: 'DATABASE_URL', seed: SEED_PLANS.audit },
];

/** Each owner's database login role: `mg_<name>`, owner of its schema and of nothing else. */
export function roleName(owner: string): string {
  return `mg_${owner}`;
}

/** The effects worker's login: no schema of its own, only what each outbox's owner grants it (EFFECTS_ROLE). */
export const EFFECTS_LOGIN = 'effects';

/** The privacy office's login, reading the audit for a replay of its decisions (AUDIT_READER_ROLE): no schema, select on some of the audit's columns. */
export const PRIVACY_OFFICE_LOGIN = 'privacy_office';

/** Every database login by name, each with its password: the owners, the effects worker, the privacy office. */
export const DATABASE_LOGINS: string[] = [...DATABASE_OWNERS.map((o) => o.name), EFFECTS_LOGIN, PRIVACY_OFFICE_LOGIN];

export function serviceRoles(passwords: Record<string, string>): ServiceRole[] {
  return [
    ...DATABASE_OWNERS.map((o) => ({ schema: o.database.schema, role: roleName(o.name), password: passwords[o.name] })),
    { role: EFFECTS_ROLE, password: passwords[EFFECTS_LOGIN] },
    { role: AUDIT_READER_ROLE, password: passwords[PRIVACY_OFFICE_LOGIN] },
  ];
}
