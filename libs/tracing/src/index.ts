export { inServerSpan } from './node-http-span';
export { nameServerSpan } from './server-span';
export { startTracing, type TracedLibrary, type TracingOptions } from './start-tracing';
export { tracingEnv, type TracingEnv } from './tracing.env';
export { TracingModule } from './tracing.module';
