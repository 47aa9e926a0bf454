export { loggingEnv, type LogLevel } from './logging.env';
export { ObservabilityModule, type ObservabilityOptions, type ObservabilitySettings } from './observability.module';
export { ReadinessProbe } from './readiness-probe';
