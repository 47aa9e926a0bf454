import { GrpcOptions, Transport } from '@nestjs/microservices';
import { AUTH_PROTO_PATH, AUTH_RPC_PACKAGE } from './auth-rpc.contract';

/** gRPC transport options for both sides: `url` is where auth listens or where clients reach it. */
export function authRpcOptions(url: string): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url,
      package: AUTH_RPC_PACKAGE,
      protoPath: AUTH_PROTO_PATH,
      loader: { keepCase: false, longs: Number, defaults: true, arrays: true },
    },
  };
}
