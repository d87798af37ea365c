export * from './common.js';
export * from './registry.js';
export * from './access.js';
export * from './messages.js';
export * from './organisation.js';
export * from './results.js';
export * from './imports.js';
export * from './reports.js';
