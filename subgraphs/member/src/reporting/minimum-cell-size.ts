import { minimumCellSizeFrom } from '@mutual-graph/policy';

// The floor lives in the policy package, so that every published aggregate (EDI releases, survey results) has one.
export { MINIMUM_CELL_SIZE_FLOOR } from '@mutual-graph/policy';

export function minimumCellSize(env: NodeJS.ProcessEnv = process.env): number {
  return minimumCellSizeFrom(env.EDI_MINIMUM_CELL_SIZE);
}
