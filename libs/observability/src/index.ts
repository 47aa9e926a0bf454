export * from './observability.module';
export * from './readiness-probe';
