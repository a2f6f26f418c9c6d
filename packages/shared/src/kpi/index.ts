export * from './kpi';
