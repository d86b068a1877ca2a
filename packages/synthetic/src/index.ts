export * from './casework.js';
export * from './consents.js';
export * from './learning.js';
export * from './members.js';
export * from './options.js';
export * from './practice.js';
export * from './edi.js';
export * from './randomizer.js';
