export * from './provinces.js';
export * from './matters.js';
export * from './practice.js';
export * from './minc.js';
export * from './calendar.js';
export * from './fees.js';
