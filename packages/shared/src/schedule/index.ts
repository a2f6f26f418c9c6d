export * from './applicability';
export * from './dates';
export * from './default-rules';
export * from './evaluate';
export * from './outstanding';
export * from './periods';
export * from './types';
