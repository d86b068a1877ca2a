import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One operation as the gateway decided it, allowed or refused: who, with which roles, for which
 * purpose, what operation (name and hash, never its variables or results), which categories it
 * touched, and the decision. Written before anything runs; no record, no operation.
 */
@Entity({ tableName: 'audit_record' })
@Index({ properties: ['occurredAt'] })
@Index({ properties: ['subject', 'occurredAt'] })
@Index({ properties: ['memberIds'], type: 'gin' })
export class AuditRecord {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 64 })
  requestId!: string;

  /** The token's subject; null when no valid token was presented. */
  @Property({ type: 'string', length: 200, nullable: true })
  subject!: string | null;

  @Property({ type: 'array' })
  roles!: string[];

  @Property({ type: 'string', length: 40, nullable: true })
  purpose!: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  operationName!: string | null;

  /** SHA-256 of the operation's text: enough to tell operations apart without keeping what was asked. */
  @Property({ type: 'string', length: 64, nullable: true })
  operationHash!: string | null;

  /**
   * What `npm run policy -- replay` decides again (replayable-operation.ts): the operation as Apollo's
   * usage reporting signs it (every literal emptied, no alias, no variable), the argument and input
   * field coordinates given a value, and whether the members named were the caller's own. No member
   * id, no value a client sent. Null for an operation never decided (unparsable, refused before).
   */
  @Property({ type: 'text', nullable: true })
  operationDocument!: string | null;

  @Property({ type: 'array', defaultRaw: "'{}'" })
  argumentUses!: string[];

  @Property({ type: 'json', nullable: true })
  memberScope!: { callerIsMember: boolean; roots: { field: string; named: number; foreign: boolean }[] } | null;

  @Property({ type: 'array' })
  categories!: string[];

  @Property({ type: 'string', length: 10 })
  decision!: 'ALLOWED' | 'REFUSED';

  /** The error code of a refusal (UNAUTHENTICATED, FORBIDDEN, …). */
  @Property({ type: 'string', length: 40, nullable: true })
  code!: string | null;

  /** The policy rule of a FORBIDDEN refusal. */
  @Property({ type: 'string', length: 40, nullable: true })
  rule!: string | null;

  @Property({ type: 'array' })
  fields!: string[];

  /**
   * The members the operation names (by id in its arguments, or the caller's own record under
   * self-service): what the privacy office filters on to answer "who looked at this member".
   * Members reached only through a list or `_entities` are not named here but in `audit_member_read`,
   * from what the subgraphs report they read.
   */
  @Property({ type: 'array', defaultRaw: "'{}'" })
  memberIds!: string[];

  /**
   * The ACCESS request whose report this operation gathered: the privacy office releasing a
   * member's file (purpose PRIVACY_OFFICE), though it ran under the member's own-record scope.
   */
  @Property({ type: 'uuid', nullable: true })
  accessReportRequestId!: string | null;
}
