import 'reflect-metadata';
import { runSubgraph } from '@mutual-graph/platform';
import { memberSubgraph } from './subgraph.js';

await runSubgraph(memberSubgraph);
