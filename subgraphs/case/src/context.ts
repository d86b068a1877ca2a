import type { SubgraphContext } from '@mutual-graph/platform';
import type { CaseLoaders } from './loaders/index.js';

export type CaseContext = SubgraphContext<CaseLoaders>;
