import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * One published EDI release: when its snapshot was taken, by whom it was published, and how it
 * was protected. Its cells are in EdiReleaseCell. Counts only, noisy: no member id, no true count.
 */
@Entity({ tableName: 'edi_release' })
@Unique({ properties: ['version'] })
export class EdiRelease {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** 1, 2, 3…: the order of publication. */
  @Property({ type: 'integer' })
  version!: number;

  /** The moment of the one snapshot of the EDI store every table was counted from. */
  @Property({ type: 'datetime' })
  takenAt!: Date;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  /** The token subject of the EDI reporting lead who published it (`seed` for the first release of a seeded store). */
  @Property({ type: 'string', length: 200 })
  publishedBy!: string;

  @Property({ type: 'string', length: 40 })
  method!: string;

  @Property({ type: 'integer' })
  minimumCellSize!: number;

  /** The privacy loss this release spends (zCDP rho), as the fraction the noise was drawn from. */
  @Property({ type: 'integer' })
  rhoNumerator!: number;

  @Property({ type: 'integer' })
  rhoDenominator!: number;

  /** The variance of every cell's noise, as a fraction: tables / (2 rho). */
  @Property({ type: 'integer' })
  varianceNumerator!: number;

  @Property({ type: 'integer' })
  varianceDenominator!: number;

  /** The tables published (their keys), in the order of the declaration when it was taken. */
  @Property({ type: 'text[]' })
  tables!: string[];
}
