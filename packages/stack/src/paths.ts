import { STACK_ENVIRONMENT } from './environment.js';

export { ROOT } from './root.js';
/** Where embedded PostgreSQL and the development secrets live (MUTUAL_GRAPH_DATA_DIR, defaulted by the stack's environment schema). */
export const DATA_DIR = STACK_ENVIRONMENT.variables.shape.MUTUAL_GRAPH_DATA_DIR.parse(process.env.MUTUAL_GRAPH_DATA_DIR || undefined);
