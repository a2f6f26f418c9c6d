export * from './screening';
export * from './ws-tables';
