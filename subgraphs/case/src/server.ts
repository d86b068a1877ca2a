import 'reflect-metadata';
import { runSubgraph } from '@mutual-graph/platform';
import { caseSubgraph } from './subgraph.js';

await runSubgraph(caseSubgraph);
