export * from './request-context';
export * from './request-context.module';
export * from './request-id';
export * from './rpc-request-context';
