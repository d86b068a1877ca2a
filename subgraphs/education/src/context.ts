import type { SubgraphContext } from '@mutual-graph/platform';
import type { EducationLoaders } from './loaders/index.js';

export type EducationContext = SubgraphContext<EducationLoaders>;
