import type { INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { authRpcOptions } from '@app/auth-rpc';

/**
 * Serves the app's gRPC controllers (see GrpcController) on `url`, beside its HTTP routes.
 * `main.ts` and the e2e test both attach gRPC with this.
 */
export async function attachGrpcServer(app: INestApplication, url: string): Promise<void> {
  app.connectMicroservice<MicroserviceOptions>(authRpcOptions(url));
  await app.startAllMicroservices();
}
