export * from './database.js';
export * from './paths.js';
export * from './postgres.js';
export * from './secrets.js';
export * from './subgraphs.js';
