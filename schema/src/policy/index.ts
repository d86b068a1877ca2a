export * from './decision.js';
export * from './directives.js';
export * from './field-index.js';
export * from './matrix.js';
export * from './operation.js';
export * from './vocabulary.js';
