export * from './default-templates';
export * from './health-notes';
export * from './letter-codes';
export * from './merge';
export * from './merge-fields';
export * from './term-summary';
