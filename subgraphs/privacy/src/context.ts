import type { SubgraphContext } from '@mutual-graph/platform';
import type { PrivacyLoaders } from './loaders/index.js';

export type PrivacyContext = SubgraphContext<PrivacyLoaders>;
