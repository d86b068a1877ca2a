import type { EntityManager } from '@mikro-orm/postgresql';
import { FIRST_KEY, isUuid, keysFrom, NO_MEMBER, pageOf, type DispositionTask } from '@mutual-graph/platform';
import { Disclosure } from '../entities/disclosure.js';

/**
 * The disclosure log is two tables: what the privacy office records itself (`privacy.disclosure`,
 * this subgraph's) and what partners were told by confirmation (`audit.partner_disclosure`, written
 * by the gateway in the same commit as the confirmation's audit record, so that a confirmation waits
 * on one commit). This subgraph's role may select from the second and delete from it under the
 * retention schedule, nothing more; it is read with plain SQL, as the access audit is, so that this
 * subgraph's migrations never try to create it.
 */
const COLUMNS = 'id::text as id, member_id::text as member_id, recipient, purpose, categories, description, disclosed_at';
const PARTNER_TABLE = 'audit.partner_disclosure';

interface DisclosureRow {
  id: string;
  member_id: string;
  recipient: string;
  purpose: string;
  categories: string[];
  description: string;
  disclosed_at: Date;
}

const disclosureOf = (row: DisclosureRow): Disclosure =>
  Object.assign(new Disclosure(), {
    id: row.id,
    memberId: row.member_id,
    recipient: row.recipient,
    purpose: row.purpose,
    categories: row.categories,
    description: row.description,
    disclosedAt: new Date(row.disclosed_at),
  });

const newestFirst = (a: Disclosure, b: Disclosure) => b.disclosedAt.getTime() - a.disclosedAt.getTime() || a.id.localeCompare(b.id);

async function rows(em: EntityManager, sql: string, params: unknown[]): Promise<Disclosure[]> {
  const found: DisclosureRow[] = await em.getConnection().execute(sql, params, 'all', em.getTransactionContext());
  return found.map(disclosureOf);
}

/** Every disclosure of these members' information, from both tables, newest first. */
export async function disclosuresOfMembers(em: EntityManager, memberIds: readonly string[]): Promise<Disclosure[]> {
  // Passed as one array literal (the driver would spread a JS array into a list); only ids go into it.
  const ids = `{${[...new Set(memberIds.filter(isUuid).map((id) => id.toLowerCase()))].join(',')}}`;
  const found = await rows(
    em,
    `select ${COLUMNS} from privacy.disclosure where member_id = any(?::uuid[])
     union all select ${COLUMNS} from ${PARTNER_TABLE} where member_id = any(?::text[])`,
    [ids, ids],
  );
  return found.sort(newestFirst);
}

/** Disclosures that disclosed something (not the confirmations about no one on file), newest first, at most `first`. */
export async function disclosuresMade(em: EntityManager, filter: { recipient?: string | null; since?: Date | null; first: number }): Promise<Disclosure[]> {
  const where = ['member_id::text <> ?'];
  const params: unknown[] = [NO_MEMBER];
  if (filter.recipient) {
    where.push('recipient = ?');
    params.push(filter.recipient);
  }
  if (filter.since) {
    where.push('disclosed_at >= ?');
    params.push(filter.since);
  }
  const side = (table: string) => `(select ${COLUMNS} from ${table} where ${where.join(' and ')} order by disclosed_at desc, id asc limit ?)`;
  const found = await rows(em, `${side('privacy.disclosure')} union all ${side(PARTNER_TABLE)}`, [...params, filter.first, ...params, filter.first]);
  return found.sort(newestFirst).slice(0, filter.first);
}

/** The retention schedule's `disclosures` rule over both tables: disclosures made before the cutoff are destroyed. */
export function disclosureDisposition(): DispositionTask {
  return {
    rule: 'disclosures',
    async membersOf(em, ids) {
      const rows: { id: string; member_id: string }[] = await em.getConnection().execute(
        `select id::text as id, member_id::text as member_id from privacy.disclosure where id = any(?::uuid[])
           union all select id::text as id, member_id::text as member_id from ${PARTNER_TABLE} where id = any(?::uuid[])`,
        [`{${ids.join(',')}}`, `{${ids.join(',')}}`],
        'all',
        em.getTransactionContext(),
      );
      return new Map(rows.map((r) => [r.id, [r.member_id]]));
    },
    async due(em, cutoff, limit, after) {
      const ids = await keysFrom(
        em,
        `select id from (select id::text as id from privacy.disclosure where disclosed_at < ? and id > ?::uuid
         union all select id::text as id from ${PARTNER_TABLE} where disclosed_at < ? and id > ?::uuid) due order by id limit ?`,
        [cutoff, after ?? FIRST_KEY, cutoff, after ?? FIRST_KEY, limit],
      );
      return pageOf(ids, limit);
    },
    async apply(em, ids) {
      const own = await em.nativeDelete(Disclosure, { id: { $in: ids } });
      const partners: unknown = await em.getConnection().execute(`delete from ${PARTNER_TABLE} where id = any(?::uuid[])`, [`{${ids.filter(isUuid).join(',')}}`], 'run', em.getTransactionContext());
      return own + ((partners as { affectedRows?: number }).affectedRows ?? 0);
    },
  };
}
