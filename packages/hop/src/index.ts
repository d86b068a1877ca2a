export * from './principal.js';
export * from './hop-token.js';
export * from './hop-binding.js';
export * from './bearer.js';
