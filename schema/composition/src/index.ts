export * from './compose.js';
export * from './subgraphs.js';
export * from './policy-report.js';
export * from './partner-contract.js';
export * from './policy-bindings.js';
