export { memberSubgraph } from './subgraph.js';
