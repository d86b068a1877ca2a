export * from './database.js';
export * from './paths.js';
export * from './postgres.js';
export * from './secrets.js';
export * from './subgraphs.js';
export * from './processes.js';
export * from './stack.js';
export * from './environment.js';
