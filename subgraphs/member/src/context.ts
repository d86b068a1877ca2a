import type { SubgraphContext } from '@mutual-graph/platform';
import type { MemberLoaders } from './loaders/index.js';

export type MemberContext = SubgraphContext<MemberLoaders>;
