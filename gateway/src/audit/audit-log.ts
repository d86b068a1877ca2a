import { log } from '../observability.js';
import { loggableError, MAX_REQUEST_ID_LENGTH } from '@mutual-graph/platform';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase, type SubgraphDatabase } from '@mutual-graph/platform';
import { GraphQLError } from 'graphql';
import { AuditMemberRead } from './audit-member-read.js';
import { AuditRecord } from './audit-record.js';
import { GroupCommit } from '../group-commit.js';
import { storableList, storableOrNull, storableText } from './storable.js';

/** The gateway's own slice of the database: the audit schema, reached as role mg_audit. */
export const AUDIT_DATABASE: SubgraphDatabase = {
  schema: 'audit',
  entities: [AuditRecord, AuditMemberRead],
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
  /** The ACCESS request an access report's operation gathers for. */
  accessReportRequestId?: string | null;
}

/** The operation could not be audited, so it does not run. */
export function auditUnavailable(): GraphQLError {
  return new GraphQLError('the operation could not be audited and was not run; try again shortly', {
    extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
  });
}

/** Rows per INSERT at most, when many operations wait for their audit records at once. */
const MAX_BATCH = 500;
/** Members read per INSERT at most (two parameters a row, well under PostgreSQL's 65,535). */
const MAX_READS = 10_000;

/** The members one operation read, to be written beside its audit record. */
interface MembersRead {
  auditRecordId: string;
  memberIds: string[];
}

/**
 * Whether a failed INSERT may be one row's fault: PostgreSQL's data exceptions (class 22: a value it
 * cannot store) and integrity violations (class 23). Anything else (connection lost, pool exhausted)
 * is every row's, so retrying rows one by one would only multiply the writes to an unwell database.
 */
const mayBeOneRow = (error: unknown) => {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^2[23]/.test(code);
};

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
    (rows) =>
      this.orm.em
        .fork()
        .insertMany(AuditRecord, rows as never)
        .then(() => {}),
    MAX_BATCH,
    undefined,
    { isolateFailures: mayBeOneRow },
  );
  // Group-committed like the records, weighed by rows: many operations' reads in one statement.
  private readonly reads = new GroupCommit<MembersRead>(
    (batch) => this.writeReads(batch),
    MAX_READS,
    (read) => read.memberIds.length,
  );

  private constructor(private readonly orm: MikroORM) {}

  static async open(clientUrl: string): Promise<AuditLog> {
    return new AuditLog(await openDatabase(AUDIT_DATABASE, { clientUrl, poolMax: 5 }));
  }

  /** Resolves with the record's id once it is committed. */
  record(entry: AuditEntry): Promise<string> {
    // Lengths as the columns in audit-record.ts; the operation's text is kept only as its hash, which always fits.
    const row = {
      id: randomUUID(),
      occurredAt: new Date(),
      requestId: storableText(entry.requestId, MAX_REQUEST_ID_LENGTH),
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
      accessReportRequestId: storableOrNull(entry.accessReportRequestId, 64),
    };
    return this.rows.add(row).then(() => row.id);
  }

  /** Records, and turns any failure to do so into a refusal (fail closed); resolves with the record's id. */
  async recordOrRefuse(entry: AuditEntry): Promise<string> {
    try {
      return await this.record(entry);
    } catch (error) {
      log.error({ err: loggableError(error) }, 'audit record not written');
      throw auditUnavailable();
    }
  }

  /** Writes the members an operation read beside its record; resolves once they are committed. */
  recordMembersRead(auditRecordId: string, memberIds: string[]): Promise<void> {
    return memberIds.length === 0 ? Promise.resolve() : this.reads.add({ auditRecordId, memberIds });
  }

  private async writeReads(batch: MembersRead[]): Promise<void> {
    const rows = batch.flatMap(({ auditRecordId, memberIds }) => memberIds.map((memberId) => ({ auditRecord: auditRecordId, memberId })));
    const em = this.orm.em.fork();
    // One statement under load; a single operation that read more members than fit in one takes a
    // few, in one transaction, so its reads are all written or none are.
    if (rows.length <= MAX_READS) await em.insertMany(AuditMemberRead, rows);
    else {
      await em.transactional(async (tx) => {
        for (let i = 0; i < rows.length; i += MAX_READS) await tx.insertMany(AuditMemberRead, rows.slice(i, i + MAX_READS));
      });
    }
  }

  async isReachable(): Promise<boolean> {
    return (await this.orm.em.getConnection().execute('select 1 as ok')).length === 1;
  }

  close(): Promise<void> {
    return this.orm.close();
  }
}
