export { caseSubgraph } from './subgraph.js';
