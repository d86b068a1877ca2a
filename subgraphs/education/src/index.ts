export { educationSubgraph } from './subgraph.js';
