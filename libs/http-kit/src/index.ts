export * from './api-exception.filter';
export * from './bootstrap';
export * from './error-response';
export * from './http-app';
export * from './request-id';
export * from './request-id.decorator';
export * from './validation';
