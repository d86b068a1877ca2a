export { memberSubgraph } from './subgraph.js';
export { ediReleasePolicy } from './reporting/release-policy.js';
