export * from './auth-rpc.contract';
export * from './auth-rpc.options';
export * from './call';
export * from './auth-rpc.client';
