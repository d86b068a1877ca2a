import pg from 'pg';

/** One subgraph's slice of the database: a schema owned by a login role that can reach nothing else (no schema: a role granted its rights by others, the effects worker's). */
export interface ServiceRole {
  schema?: string;
  role: string;
  password: string;
}

/** The connection URL for `role`, on the same host and database as `baseUrl`. */
export function roleUrl(baseUrl: string, role: Pick<ServiceRole, 'role' | 'password'>): string {
  const url = new URL(baseUrl);
  url.username = role.role;
  url.password = role.password;
  return url.toString();
}

/** Creates the database named in `adminUrl` when it does not exist yet (embedded PostgreSQL starts with none). */
export async function ensureDatabase(adminUrl: string): Promise<void> {
  const url = new URL(adminUrl);
  const name = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  const maintenance = new URL(adminUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Gives every subgraph its own schema and login role, and takes from everyone else the
 * default rights PostgreSQL hands to PUBLIC, so that no subgraph can read another's rows.
 * Idempotent: run on every start, it also re-applies passwords.
 */
export async function ensureServiceRoles(adminUrl: string, roles: ServiceRole[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    const db = client.escapeIdentifier(rows[0].db);
    await client.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    for (const { schema, role, password } of roles) {
      const r = client.escapeIdentifier(role);
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
      await client.query(`${verb} ROLE ${r} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`);
      await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${r}`);
      if (!schema) continue;
      const s = client.escapeIdentifier(schema);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${s} AUTHORIZATION ${r}`);
      await client.query(`ALTER SCHEMA ${s} OWNER TO ${r}`);
      await client.query(`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`);
      await client.query(`ALTER ROLE ${r} IN DATABASE ${db} SET search_path = ${s}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs `work` (a subgraph's migrations) with its role briefly allowed to create schemas:
 * MikroORM's generated migrations open with `CREATE SCHEMA IF NOT EXISTS`, which PostgreSQL
 * checks against the database's CREATE right even when the schema exists. Revoked straight
 * after, so running services never hold it.
 */
export async function withSchemaCreateRight<T>(adminUrl: string, role: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    const grant = `ON DATABASE ${client.escapeIdentifier(rows[0].db)} TO ${client.escapeIdentifier(role)}`;
    await client.query(`GRANT CREATE ${grant}`);
    try {
      return await work();
    } finally {
      await client.query(`REVOKE CREATE ${grant.replace(' TO ', ' FROM ')}`);
    }
  } finally {
    await client.end();
  }
}
