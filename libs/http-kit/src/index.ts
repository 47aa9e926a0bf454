export {
  bootstrapHttpService,
  bootstrapStandaloneService,
  createStandaloneApp,
  httpServerSettings,
  type ServiceOptions,
} from './bootstrap';
export { toErrorResponse, type ErrorBody } from './error-response';
export {
  BODY_LIMIT_BYTES,
  DRAIN_LIMIT_BYTES,
  headerBytes,
  HEADER_LIMIT_BYTES,
  PARSER_HEADER_LIMIT_BYTES,
} from './request-limits';
export { answerClientError, HEADERS_TOO_LARGE } from './client-errors';
export { createHttpApp, type HttpAppOptions } from './http-app';
export { httpServerEnv, type HttpServerEnv } from './http-server.env';
export { CodePointLength, codePointLength, PlainText } from './text-validators';
