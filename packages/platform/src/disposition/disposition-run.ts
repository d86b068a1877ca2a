import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One run of a subgraph's disposition job, in that subgraph's own schema: when, as of which day,
 * dry or not, and per retention rule how many rows were (or would be) disposed of and how far it
 * got. A run that stopped part way stays RUNNING, and the next run picks it up where it stopped.
 */
@Entity({ tableName: 'disposition_run' })
@Index({ properties: ['status'] })
export class DispositionRun {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  /** The day retention is measured from; a resumed run keeps its own. */
  @Property({ type: 'date' })
  asOf!: string;

  @Property({ type: 'boolean' })
  dryRun!: boolean;

  @Property({ type: 'string', length: 10 })
  status!: 'RUNNING' | 'COMPLETED';

  /** Rows disposed of (or due, for a dry run), by rule name. */
  @Property({ type: 'json' })
  counts!: Record<string, number>;

  /** The last row each rule has passed, by rule name: where a resumed run goes on from. */
  @Property({ type: 'json' })
  cursors!: Record<string, string | null>;

  /** How many times a stopped run was taken up again. */
  @Property({ type: 'integer', default: 0 })
  resumptions!: number;
}
