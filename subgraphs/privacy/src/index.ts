export { privacySubgraph } from './subgraph.js';
