import { log } from '../observability.js';
import { isUuid, loggableError, MAX_REQUEST_ID_LENGTH } from '@mutual-graph/platform';
import { isCategory } from '@mutual-graph/policy';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { SubgraphDatabase } from '@mutual-graph/platform';
import pg from 'pg';
import { GraphQLError } from 'graphql';
import { AuditDisclosure } from './audit-disclosure.js';
import { AuditMemberRead } from './audit-member-read.js';
import { AuditRecord } from './audit-record.js';
import { GroupCommit } from '../group-commit.js';
import { storableList, storableOrNull, storableText } from './storable.js';
import type { ReplayableOperation } from './replayable-operation.js';

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
  /** What a replay of the decision needs (replayable-operation.ts); absent for an operation never decided. */
  replayable?: ReplayableOperation | null;
  categories?: string[];
  decision: 'ALLOWED' | 'REFUSED';
  code?: string | null;
  rule?: string | null;
  fields?: string[];
  memberIds?: string[];
  /** The ACCESS request an access report's operation gathers for. */
  accessReportRequestId?: string | null;
}

/**
 * The privacy office's login for reading the audit (`npm run policy -- replay`): select on the audit
 * record's columns that say who, why and what was decided, and on nothing else (no member id, no
 * request id), granted by the gateway's migration; no schema of its own.
 */
export const AUDIT_READER_ROLE = 'mg_privacy_office';

/** The operation could not be audited: a mutation or a refusal does not run, and a query's answer is withheld. */
export function auditUnavailable(): GraphQLError {
  return new GraphQLError('the operation could not be audited, so nothing was run or answered; try again shortly', {
    extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
  });
}

/** Rows per batch at most (records, reads and disclosures together), when many operations wait for their audit at once. */
const MAX_ROWS = 10_000;

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
  reads: { audit_record_id: string; member_id: string }[];
  disclosures: Record<string, unknown>[];
}

/**
 * One batch, one statement, one commit: its records, then what refers to them (foreign keys are
 * checked at the statement's end, when the records are there), each table's rows as one JSON array.
 * Only the tables the batch has rows for are named, so a batch of records alone needs no right on the
 * others. Read as text and stored in the columns the migrations declare: a value that does not fit
 * fails the statement with a data exception (never cut silently), which the group commit isolates to
 * its own row.
 */
const INSERTS = [
  `insert into audit.audit_record (id, occurred_at, request_id, subject, roles, purpose, operation_name, operation_hash, operation_document, argument_uses, member_scope, categories, decision, code, rule, fields, member_ids, access_report_request_id)
  select id, occurred_at, request_id, subject, roles, purpose, operation_name, operation_hash, operation_document, argument_uses, member_scope, categories, decision, code, rule, fields, member_ids, access_report_request_id
  from jsonb_to_recordset($1::jsonb) as r(id uuid, occurred_at timestamptz, request_id text, subject text, roles text[], purpose text, operation_name text,
    operation_hash text, operation_document text, argument_uses text[], member_scope jsonb, categories text[], decision text, code text, rule text, fields text[], member_ids text[], access_report_request_id uuid)`,
  `insert into audit.audit_member_read (audit_record_id, member_id)
  select audit_record_id, member_id from jsonb_to_recordset($2::jsonb) as m(audit_record_id uuid, member_id text)`,
  `insert into audit.partner_disclosure (id, audit_record_id, member_id, recipient, purpose, categories, description, disclosed_at)
  select id, audit_record_id, member_id, recipient, purpose, categories, description, disclosed_at
  from jsonb_to_recordset($3::jsonb) as d(id uuid, audit_record_id uuid, member_id text, recipient text, purpose text, categories text[], description text, disclosed_at timestamptz)`,
];

/**
 * The statement that writes the tables `present` says the batch has rows for. Unnamed: a named
 * prepared statement lives in one server session, which a pooler in transaction mode (PgBouncer
 * before 1.21) does not keep: the next batch, on another server connection, would find it missing.
 */
function batchStatement(present: readonly boolean[]): pg.QueryConfig {
  const parts = INSERTS.map((insert, i) => (present[i] ? `t${i} as (${insert})` : null)).filter((p) => p !== null);
  // Parameters the statement does not use are still typed, so every combination takes the same three.
  return { text: `with ${parts.join(', ')}, p as (select $1::jsonb, $2::jsonb, $3::jsonb) select 1` };
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

  private constructor(private readonly pool: pg.Pool) {}

  /**
   * Connects as the audit's role. The writes go straight through `pg`, one statement per
   * batch: the audit is on every request's path, and MikroORM's unit of work and query builder would
   * add their own time and a round trip per table and for BEGIN and COMMIT.
   */
  static open(clientUrl: string): Promise<AuditLog> {
    // One write in flight at a time (the group commit), and the health check beside it.
    const pool = new pg.Pool({ connectionString: clientUrl, max: 2, connectionTimeoutMillis: 5_000 });
    // A connection the server dropped while idle is replaced on next use; without a listener it would end the process.
    pool.on('error', (error) => log.warn({ err: loggableError(error) }, 'audit connection lost'));
    return Promise.resolve(new AuditLog(pool));
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
    const statement = batchStatement([records.length > 0, reads.length > 0, disclosures.length > 0]);
    await this.pool.query({ ...statement, values: [JSON.stringify(records), JSON.stringify(reads), JSON.stringify(disclosures)] });
  }

  async isReachable(): Promise<boolean> {
    return (await this.pool.query('select 1 as ok')).rowCount === 1;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** The record's row, every value made storable; lengths as the columns in audit-record.ts (the operation's text is kept only as its hash, which always fits). */
function recordRow(entry: AuditEntry) {
  return {
    id: randomUUID(),
    occurred_at: new Date(),
    request_id: storableText(entry.requestId, MAX_REQUEST_ID_LENGTH),
    subject: storableOrNull(entry.subject, 200),
    roles: storableList(entry.roles ?? []),
    purpose: storableOrNull(entry.purpose, 40),
    operation_name: storableOrNull(entry.operationName, 200),
    operation_hash: entry.operationText ? createHash('sha256').update(entry.operationText).digest('hex') : null,
    // Printed from a parsed document with every literal emptied: names and punctuation only, nothing to make storable.
    operation_document: entry.replayable?.document ?? null,
    argument_uses: storableList(entry.replayable?.argumentUses ?? []),
    member_scope: entry.replayable?.memberScope ?? null,
    categories: storableList(entry.categories ?? []),
    decision: entry.decision,
    code: storableOrNull(entry.code, 40),
    rule: storableOrNull(entry.rule, 40),
    fields: storableList(entry.fields ?? []),
    member_ids: storableList(entry.memberIds ?? []),
    access_report_request_id: storableOrNull(entry.accessReportRequestId, 64),
  };
}

function readRows(auditRecord: string | null, { membersRead = [] }: AuditOutcomeOfRun) {
  if (auditRecord === null) return [];
  return [...new Set(membersRead)].map((memberId) => ({ audit_record_id: auditRecord, member_id: memberId }));
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
      audit_record_id: auditRecord,
      member_id: d.memberId.toLowerCase(),
      recipient: storableText(disclosures.recipient, 200),
      purpose: storableText(disclosures.purpose, 40),
      categories: [...new Set(d.categories)].sort(),
      description: storableText(d.description, 300),
      disclosed_at: disclosedAt,
    };
  });
}
