export * from './cluster.js';
export * from './nginx.js';
export * from './nginx-config.js';
