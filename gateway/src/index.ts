export * from './config.js';
export * from './gateway.js';
export * from './audit/audit-log.js';
export * from './plugins/registered-operations.js';
