import { log } from '../observability.js';
import { isUuid, loggableError, MAX_REQUEST_ID_LENGTH } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/policy';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase, type SubgraphDatabase } from '@mutual-graph/platform';
import { GraphQLError } from 'graphql';
import { AuditDisclosure } from './audit-disclosure.js';
import { AuditMemberRead } from './audit-member-read.js';
import { AuditRecord } from './audit-record.js';
import { GroupCommit } from '../group-commit.js';
import { storableList, storableOrNull, storableText } from './storable.js';

/** The gateway's own slice of the database: the audit schema, reached as role mg_audit. */
export const AUDIT_DATABASE: SubgraphDatabase = {
  schema: 'audit',
  entities: [AuditRecord, AuditMemberRead, AuditDisclosure],
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

/** Rows per batch at most (records, reads and disclosures together), when many operations wait for their audit at once. */
const MAX_ROWS = 10_000;
/** Rows per INSERT at most (a few parameters a row, well under PostgreSQL's 65,535). */
const MAX_INSERT = 2_000;

/** What a partner was told about one member, as the member subgraph's notice said it. */
export interface DisclosureEntry {
  memberId: string;
  categories: string[];
  description: string;
}

/** What an operation did, known once it ran: written with (or after) its record. */
export interface AuditOutcomeOfRun {
  /** Members whose personal fields the subgraphs resolved. */
  membersRead?: readonly string[];
  /** Partner graph: what the partner is about to be told, and to whom. */
  disclosures?: { recipient: string; purpose: string; entries: readonly DisclosureEntry[] };
}

/**
 * One item of the audit's group commit: a record, the rows of what its operation did, or both. Items
 * are written in the order they arrive, so rows that follow their record (in a later item) are written
 * in the same batch after it, or in a later batch once it is committed.
 */
interface AuditWrite {
  record?: Record<string, unknown>;
  reads: { auditRecord: string; memberId: string }[];
  disclosures: Record<string, unknown>[];
}

const rowsOf = (write: AuditWrite) => (write.record ? 1 : 0) + write.reads.length + write.disclosures.length;

/**
 * Whether a failed write may be one row's fault: PostgreSQL's data exceptions (class 22: a value it
 * cannot store) and integrity violations (class 23). Anything else (connection lost, pool exhausted)
 * is every row's, so retrying rows one by one would only multiply the writes to an unwell database.
 */
const mayBeOneRow = (error: unknown) => {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^2[23]/.test(code);
};

/**
 * Durable audit records in PostgreSQL, with what each operation read and, on the partner graph, what
 * it disclosed. Every write resolves only once committed. Writes are a group commit: one transaction
 * is in flight at a time, and everything that arrives meanwhile (records, reads, disclosures of many
 * operations) goes together in the next one: one commit for many operations under load, no added wait
 * for a lone one. Every value is made storable before it is queued (storable.ts), and a batch that
 * still fails on a value is split and retried (group-commit.ts) so that only the operation whose row
 * cannot be written is refused.
 */
export class AuditLog {
  private readonly writes = new GroupCommit<AuditWrite>((batch) => this.write(batch), MAX_ROWS, rowsOf, { isolateFailures: mayBeOneRow });

  private constructor(private readonly orm: MikroORM) {}

  static async open(clientUrl: string): Promise<AuditLog> {
    return new AuditLog(await openDatabase(AUDIT_DATABASE, { clientUrl, poolMax: 5 }));
  }

  /** Resolves with the record's id once it is committed. */
  record(entry: AuditEntry): Promise<string> {
    const record = recordRow(entry);
    return this.writes.add({ record, reads: [], disclosures: [] }).then(() => record.id);
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

  /**
   * What an operation did, for a record already queued by `record` (queued after it, so written with
   * it or after it): resolves once committed, and fails when the record itself could not be written.
   * Null: no record (the benchmark's gateway without its policy layer), disclosures only.
   */
  async recordRun(auditRecordId: string | null, run: AuditOutcomeOfRun): Promise<void> {
    const write = { reads: readRows(auditRecordId, run), disclosures: disclosureRows(auditRecordId, run) };
    if (write.reads.length + write.disclosures.length > 0) await this.writes.add(write);
  }

  /** A record and what its operation did, in one commit: a partner confirmation's one durable wait. */
  async recordWithRun(entry: AuditEntry, run: AuditOutcomeOfRun): Promise<string> {
    const record = recordRow(entry);
    await this.writes.add({ record, reads: readRows(record.id, run), disclosures: disclosureRows(record.id, run) });
    return record.id;
  }

  private async write(batch: AuditWrite[]): Promise<void> {
    const records = batch.flatMap((w) => (w.record ? [w.record] : []));
    const reads = batch.flatMap((w) => w.reads);
    const disclosures = batch.flatMap((w) => w.disclosures);
    const em = this.orm.em.fork();
    // Records alone (most operations): one statement, its own commit.
    if (reads.length === 0 && disclosures.length === 0 && records.length <= MAX_INSERT) {
      await em.insertMany(AuditRecord, records as never);
      return;
    }
    // Records first, then what refers to them, all in one transaction: written together or not at all.
    await em.transactional(async (tx) => {
      for (const [entity, rows] of [
        [AuditRecord, records],
        [AuditMemberRead, reads],
        [AuditDisclosure, disclosures],
      ] as const) {
        for (let i = 0; i < rows.length; i += MAX_INSERT) await tx.insertMany(entity as never, rows.slice(i, i + MAX_INSERT));
      }
    });
  }

  async isReachable(): Promise<boolean> {
    return (await this.orm.em.getConnection().execute('select 1 as ok')).length === 1;
  }

  close(): Promise<void> {
    return this.orm.close();
  }
}

/** The record's row, every value made storable; lengths as the columns in audit-record.ts (the operation's text is kept only as its hash, which always fits). */
function recordRow(entry: AuditEntry) {
  return {
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
}

function readRows(auditRecord: string | null, { membersRead = [] }: AuditOutcomeOfRun) {
  if (auditRecord === null) return [];
  return [...new Set(membersRead)].map((memberId) => ({ auditRecord, memberId }));
}

/**
 * Disclosure rows as a subgraph's notices describe them. The notices come from the member subgraph
 * (the gateway takes them only from the subgraph they belong to), but what is stored is still checked:
 * a member id that is none, or a category that is none, is a bug upstream and fails the write (and so
 * the answer), rather than being stored as sent.
 */
function disclosureRows(auditRecord: string | null, { disclosures }: AuditOutcomeOfRun) {
  if (!disclosures) return [];
  const disclosedAt = new Date();
  return disclosures.entries.map((d) => {
    if (!isUuid(d.memberId) || !Array.isArray(d.categories) || !d.categories.every(isCategory) || typeof d.description !== 'string') {
      throw new Error('a disclosure notice that names no member or no data category');
    }
    return {
      id: randomUUID(),
      auditRecord,
      memberId: d.memberId.toLowerCase(),
      recipient: storableText(disclosures.recipient, 200),
      purpose: storableText(disclosures.purpose, 40),
      categories: [...new Set(d.categories)].sort(),
      description: storableText(d.description, 300),
      disclosedAt,
    };
  });
}
