export {
  AUTH_RPC_CLIENT,
  AuthRpcClientModule,
  authRpcClientEnv,
  type AuthRpcClientModuleOptions,
  type AuthRpcClientSettings,
} from './auth-rpc.client';
export * from './auth-rpc.contract';
export { authRpcOptions } from './auth-rpc.options';
export { unary } from './call';
