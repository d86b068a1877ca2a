import { log } from '../observability.js';
import { loggableError } from '@mutual-graph/platform';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase, type SubgraphDatabase } from '@mutual-graph/platform';
import { GraphQLError } from 'graphql';
import { AuditRecord } from './audit-record.js';
import { GroupCommit } from '../group-commit.js';
import { storableList, storableOrNull, storableText } from './storable.js';

/** The gateway's own slice of the database: the audit schema, reached as role mg_audit. */
export const AUDIT_DATABASE: SubgraphDatabase = {
  schema: 'audit',
  entities: [AuditRecord],
  migrationsPath: fileURLToPath(new URL('../migrations', import.meta.url)),
};

export interface AuditEntry {
  requestId: string;
  subject?: string | null;
  roles?: string[];
  purpose?: string | null;
  operationName?: string | null;
  operationText?: string | null;
  categories?: string[];
  decision: 'ALLOWED' | 'REFUSED';
  code?: string | null;
  rule?: string | null;
  fields?: string[];
  memberIds?: string[];
}

/** The operation could not be audited, so it does not run. */
export function auditUnavailable(): GraphQLError {
  return new GraphQLError('the operation could not be audited and was not run; try again shortly', {
    extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
  });
}

/** Rows per INSERT at most, when many operations wait for their audit records at once. */
const MAX_BATCH = 500;

/**
 * Whether a failed INSERT may be one row's fault: PostgreSQL's data exceptions (class 22: a value it
 * cannot store) and integrity violations (class 23). Anything else (connection lost, pool exhausted)
 * is every row's, so retrying rows one by one would only multiply the writes to an unwell database.
 */
const mayBeOneRow = (error: unknown) => /^2[23]/.test(String((error as { code?: unknown }).code ?? ''));

/**
 * Durable audit records in PostgreSQL. `record` resolves only once the row is committed.
 * Records are written as a group commit: one INSERT is in flight at a time, and the records that
 * arrive meanwhile go together in the next one (one statement and one commit for many operations
 * under load; no added wait for a lone one). Each operation still waits for its own row. Every value
 * is made storable before it is queued (storable.ts), and a batch that still fails on a value is
 * split and retried (group-commit.ts) so that only a row that truly cannot be written fails, and
 * only its own operation is refused.
 */
export class AuditLog {
  private readonly rows = new GroupCommit<Record<string, unknown>>(
    (rows) => this.orm.em.fork().insertMany(AuditRecord, rows as never).then(() => {}),
    MAX_BATCH,
    undefined,
    { isolateFailures: mayBeOneRow },
  );

  private constructor(private readonly orm: MikroORM) {}

  static async open(clientUrl: string): Promise<AuditLog> {
    return new AuditLog(await openDatabase(AUDIT_DATABASE, { clientUrl, poolMax: 5 }));
  }

  record(entry: AuditEntry): Promise<void> {
    // Lengths as the columns in audit-record.ts; the operation's text is kept only as its hash, which always fits.
    const row = {
      id: randomUUID(),
      occurredAt: new Date(),
      requestId: storableText(entry.requestId, 64),
      subject: storableOrNull(entry.subject, 200),
      roles: storableList(entry.roles ?? []),
      purpose: storableOrNull(entry.purpose, 40),
      operationName: storableOrNull(entry.operationName, 200),
      operationHash: entry.operationText ? createHash('sha256').update(entry.operationText).digest('hex') : null,
      categories: storableList(entry.categories ?? []),
      decision: entry.decision,
      code: storableOrNull(entry.code, 40),
      rule: storableOrNull(entry.rule, 40),
      fields: storableList(entry.fields ?? []),
      memberIds: storableList(entry.memberIds ?? []),
    };
    return this.rows.add(row);
  }

  /** Records, and turns any failure to do so into a refusal (fail closed). */
  async recordOrRefuse(entry: AuditEntry): Promise<void> {
    try {
      await this.record(entry);
    } catch (error) {
      log.error({ err: loggableError(error) }, 'audit record not written');
      throw auditUnavailable();
    }
  }

  async isReachable(): Promise<boolean> {
    return (await this.orm.em.getConnection().execute('select 1 as ok')).length === 1;
  }

  close(): Promise<void> {
    return this.orm.close();
  }
}
