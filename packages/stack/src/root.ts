import { fileURLToPath } from 'node:url';

/** The repository root, found from this module's place (dist or src) in packages/stack. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
