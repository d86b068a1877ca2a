import 'reflect-metadata';
import { runSubgraph } from '@mutual-graph/platform';
import { privacySubgraph } from './subgraph.js';

await runSubgraph(privacySubgraph);
