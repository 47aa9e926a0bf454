export { bootstrapHttpService, httpServerSettings, type ServiceOptions } from './bootstrap';
export { closeConnectionsOnShutdown } from './close-connections-on-shutdown';
export { toErrorResponse, type ErrorBody } from './error-response';
export { createHttpApp, type HttpAppOptions } from './http-app';
export { httpServerEnv, type HttpServerEnv } from './http-server.env';
