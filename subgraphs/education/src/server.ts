import 'reflect-metadata';
import { runSubgraph } from '@mutual-graph/platform';
import { educationSubgraph } from './subgraph.js';

await runSubgraph(educationSubgraph);
