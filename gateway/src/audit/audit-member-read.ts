import { Entity, Index, ManyToOne, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { AuditRecord } from './audit-record.js';

/**
 * A member whose personal fields an allowed operation read, as the subgraphs that resolved them
 * reported: what the privacy office finds an operation by when the operation named no one (a list,
 * `_entities`). One row per member and operation, beside the operation's audit record.
 */
@Entity({ tableName: 'audit_member_read' })
@Index({ properties: ['memberId'] })
export class AuditMemberRead {
  @ManyToOne(() => AuditRecord, { primary: true, deleteRule: 'cascade' })
  auditRecord!: AuditRecord;

  @PrimaryKey({ type: 'string', length: 36 })
  memberId!: string;
}
