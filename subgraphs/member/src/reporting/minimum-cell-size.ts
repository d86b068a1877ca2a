/** The privacy policy's floor for published EDI counts: configuration can raise it, never lower it. */
export const MINIMUM_CELL_SIZE_FLOOR = 10;

export function minimumCellSize(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.EDI_MINIMUM_CELL_SIZE);
  return Number.isInteger(configured) && configured > MINIMUM_CELL_SIZE_FLOOR ? configured : MINIMUM_CELL_SIZE_FLOOR;
}
