import pg from 'pg';
import type { RecordedOperation } from './replay.js';

/** How far back a replay reads: `7d`, `12h`, `30m`. */
export function sinceInterval(since: string): string {
  const match = /^(\d{1,5})([dhm])$/.exec(since);
  if (!match) throw new Error(`--since takes a number of days, hours or minutes (7d, 12h, 30m), not ${JSON.stringify(since)}`);
  return `${match[1]} ${{ d: 'days', h: 'hours', m: 'minutes' }[match[2] as 'd' | 'h' | 'm']}`;
}

/**
 * The audit's operations since then, as the privacy office's login reads them (AUDIT_READER_ROLE:
 * only these columns are granted to it; no member id, no request id). Identical records are counted
 * together by the database, so 100,000 recorded operations arrive as their distinct kinds.
 */
export async function readRecordedOperations(databaseUrl: string, since: string): Promise<RecordedOperation[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<RecordedOperation & { count: string }>(
      `select subject, roles, purpose, operation_name as "operationName", operation_document as "document", argument_uses as "argumentUses",
         member_scope as "memberScope", decision, code, rule, count(*) as count
       from audit.audit_record
       where occurred_at >= now() - $1::interval
       group by subject, roles, purpose, operation_name, operation_document, argument_uses, member_scope, decision, code, rule`,
      [sinceInterval(since)],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  } finally {
    await client.end();
  }
}
