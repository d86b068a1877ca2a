import { badUserInput, NonPersonal, OnlyForPurposes, requirePageSize, requireUuid } from '@mutual-graph/platform';
import { isPurpose } from '@mutual-graph/policy';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { AccessAuditEntry, AccessAuditFilter } from '../types/access-audit.js';

interface AuditRow {
  occurred_at: Date;
  subject: string | null;
  roles: string[];
  purpose: string | null;
  operation_name: string | null;
  categories: string[];
  decision: string;
  code: string | null;
  rule: string | null;
  member_ids: string[];
  request_id: string;
  access_report_request_id: string | null;
}

/**
 * The gateway writes the access audit; the privacy office reads it here. This subgraph's role may
 * select from `audit.audit_record` and `audit.audit_member_read` and do nothing else there (granted by the audit schema's own
 * migration), so the audit stays the gateway's to write. Read with plain SQL: the table is not
 * this subgraph's entity and its migrations must never try to create it.
 */
@Resolver()
export class AccessAuditResolver {
  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [AccessAuditEntry], { description: 'The access audit, newest first, filtered by member, principal, purpose, decision and period (the privacy office)' })
  async accessAudit(
    @Ctx() { em }: PrivacyContext,
    @NonPersonal() @Arg('filter', () => AccessAuditFilter, { nullable: true }) filter?: AccessAuditFilter | null,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null = 100,
  ): Promise<AccessAuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.memberId) {
      // Operations that named the member, or read their personal fields (lists, `_entities`): both indexed by member.
      const memberId = requireUuid('filter.memberId', filter.memberId);
      where.push('(member_ids @> array[?]::text[] or id in (select audit_record_id from audit.audit_member_read where member_id = ?))');
      params.push(memberId, memberId);
    }
    if (filter?.principal) {
      where.push('subject = ?');
      params.push(filter.principal);
    }
    if (filter?.purpose) {
      if (!isPurpose(filter.purpose)) throw badUserInput('filter.purpose', 'purpose must be a purpose of use');
      where.push('purpose = ?');
      params.push(filter.purpose);
    }
    if (filter?.decision) {
      if (!['ALLOWED', 'REFUSED'].includes(filter.decision)) throw badUserInput('filter.decision', 'decision is ALLOWED or REFUSED');
      where.push('decision = ?');
      params.push(filter.decision);
    }
    if (filter?.from) {
      where.push('occurred_at >= ?');
      params.push(filter.from);
    }
    if (filter?.to) {
      where.push('occurred_at < ?');
      params.push(filter.to);
    }
    if (filter?.from && filter.to && filter.from >= filter.to) throw badUserInput('filter.to', 'to must come after from');
    params.push(requirePageSize('first', first ?? 100, 1000));
    const rows: AuditRow[] = await em.getConnection().execute(
      `select occurred_at, subject, roles, purpose, operation_name, categories, decision, code, rule, member_ids, request_id, access_report_request_id
         from audit.audit_record ${where.length ? `where ${where.join(' and ')}` : ''}
        order by occurred_at desc, id limit ?`,
      params,
    );
    return rows.map((r) => ({
      occurredAt: new Date(r.occurred_at),
      principal: r.subject,
      roles: r.roles,
      purpose: r.purpose,
      operationName: r.operation_name,
      categories: r.categories,
      decision: r.decision,
      refusal: r.code ? (r.rule ? `${r.code}: ${r.rule}` : r.code) : null,
      memberIds: r.member_ids,
      requestId: r.request_id,
      accessReportRequestId: r.access_report_request_id,
    }));
  }
}
