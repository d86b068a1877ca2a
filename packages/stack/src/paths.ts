import { fileURLToPath } from 'node:url';

/** The repository root, found from this module's place (dist or src) in packages/stack. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA_DIR = process.env.MUTUAL_GRAPH_DATA_DIR ?? `${ROOT}.data`;
