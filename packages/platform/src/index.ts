import 'reflect-metadata';

export * from './database/orm.js';
export * from './database/roles.js';
export * from './database/embedded.js';
export * from './database/statement-counter.js';
export * from './domain/language.js';
export * from './domain/province.js';
export * from './graphql/federated-schema.js';
export * from './graphql/scalars.js';
export * from './http/errors.js';
export * from './http/health.js';
export * from './http/listen.js';
export * from './service/context.js';
export * from './service/environment.js';
export * from './service/subgraph.js';
export * from './graphql/input.js';
export * from './loaders/batch.js';
export * from './database/seed.js';
