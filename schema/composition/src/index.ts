export * from './compose.js';
export * from './subgraphs.js';
