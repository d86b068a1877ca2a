import { Entity, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CountedMatter } from '../domain/identification-explanation.js';
import { SupportProgramEnrolment } from './support-program-enrolment.js';

/**
 * The figures an identification decided on, recorded in the transaction that opens the enrolment
 * from it, so that the member's explanation explains the decision taken, not today's figures. The
 * peers appear only as aggregates. Destroyed with its enrolment.
 */
@Entity({ tableName: 'identification_snapshot' })
export class IdentificationSnapshot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => SupportProgramEnrolment, { owner: true, unique: true, deleteRule: 'cascade' })
  enrolment!: SupportProgramEnrolment;

  @Property({ type: 'date' })
  identifiedOn!: string;

  @Property({ type: 'date' })
  lookbackFrom!: string;

  @Property({ type: 'date' })
  lookbackTo!: string;

  @Property({ type: 'integer' })
  lookbackYears!: number;

  @Property({ type: 'double' })
  alpha!: number;

  @Property({ type: 'integer' })
  minimumPeerMembers!: number;

  @Property({ type: 'string', length: 20 })
  typeOfWork!: string;

  @Property({ type: 'string', length: 20 })
  feeRegion!: string;

  @Property({ type: 'string', length: 20 })
  peerRegion!: string;

  @Property({ type: 'integer' })
  peerMembers!: number;

  @Property({ type: 'integer' })
  peerMatters!: number;

  @Property({ type: 'double' })
  peerMemberYears!: number;

  @Property({ type: 'double' })
  memberYears!: number;

  /** The member's matters counted, as they stood: id, kind, opened on. */
  @Property({ type: 'json' })
  matters!: CountedMatter[];

  @Property({ type: 'double' })
  expected!: number;

  @Property({ type: 'double', nullable: true })
  rateRatio!: number | null;

  @Property({ type: 'double' })
  pValue!: number;

  @Property({ type: 'integer' })
  upperControlLimit!: number;
}
