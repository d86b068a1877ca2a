import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { EdiRelease } from './edi-release.js';

/** One published cell of one table of a release: its values and its noisy count (null: under the minimum). */
@Entity({ tableName: 'edi_release_cell' })
export class EdiReleaseCell {
  @ManyToOne(() => EdiRelease, { primary: true, deleteRule: 'cascade' })
  release!: EdiRelease;

  @PrimaryKey({ type: 'string', length: 120 })
  tableKey!: string;

  /** Position of the cell in its table (the dimensions' value order), so a table reads back in order. */
  @PrimaryKey({ type: 'integer' })
  position!: number;

  @Property({ type: 'text[]' })
  cellValues!: string[];

  @Property({ type: 'integer', nullable: true })
  count!: number | null;
}
