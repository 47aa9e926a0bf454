export { readSamples, type Sample } from './exposition';
export { loggingEnv, type LogLevel } from './logging.env';
export { managementEnv } from './management.env';
export { ManagementServer } from './management-server';
export {
  ObservabilityModule,
  observabilitySettings,
  type ObservabilityOptions,
  type ObservabilitySettings,
} from './observability.module';
export { ReadinessProbe } from './readiness-probe';
export { redactedUrl } from './redaction';
