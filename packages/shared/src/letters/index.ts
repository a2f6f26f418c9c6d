export * from './default-templates';
export * from './letter-codes';
export * from './merge';
export * from './merge-fields';
export * from './term-summary';
