import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AuditRecord } from './audit-record.js';

/**
 * What a partner was told about a member, written in the same transaction as the audit record of the
 * confirmation that told it: one commit makes both durable before the partner hears anything. Lives
 * beside the audit because that is the one write a confirmation waits for; the privacy subgraph reads
 * these (select) with the disclosures it records itself, and disposes of them under the schedule's
 * `disclosures` rule (delete). A confirmation about no one on file is written the same way
 * (member NO_MEMBER, no categories), so both answers cost the same.
 */
@Entity({ tableName: 'partner_disclosure' })
@Index({ properties: ['memberId', 'disclosedAt'] })
@Index({ properties: ['recipient', 'disclosedAt'] })
export class AuditDisclosure {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /**
   * The confirmation's own record: who asked, for which purpose, with which operation. Kept as long as
   * the disclosure (no cascade). Null only from a gateway run without its policy layer (the benchmark's).
   */
  @ManyToOne(() => AuditRecord, { deleteRule: 'no action', nullable: true })
  auditRecord!: AuditRecord | null;

  @Property({ type: 'string', length: 36 })
  memberId!: string;

  /** The partner the token names. */
  @Property({ type: 'string', length: 200 })
  recipient!: string;

  @Property({ type: 'string', length: 40 })
  purpose!: string;

  @Property({ type: 'array' })
  categories!: string[];

  @Property({ type: 'string', length: 300 })
  description!: string;

  @Property({ type: 'datetime' })
  disclosedAt!: Date;
}
