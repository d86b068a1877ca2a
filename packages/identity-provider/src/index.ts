export * from './configuration.js';
export * from './keys.js';
export * from './claims.js';
export * from './process.js';
export * from './headless-sign-in.js';
