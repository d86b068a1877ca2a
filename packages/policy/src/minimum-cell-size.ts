/** The privacy policy's floor for published counts (EDI releases, survey results): configuration can raise it, never lower it. */
export const MINIMUM_CELL_SIZE_FLOOR = 10;

/** The minimum cell size a configured value sets (EDI_MINIMUM_CELL_SIZE for EDI releases): never under the floor. */
export function minimumCellSizeFrom(configured: string | undefined): number {
  const value = Number(configured);
  return Number.isInteger(value) && value > MINIMUM_CELL_SIZE_FLOOR ? value : MINIMUM_CELL_SIZE_FLOOR;
}
