import './tracing';
import { bootstrapHttpService, httpServerSettings } from '@app/http-kit';
import { AuthModule } from './auth.module';
import { useSessionCookies } from './browser-session';
import { authConfig } from './config';
import { attachGrpcServer } from './grpc';

void bootstrapHttpService('auth', AuthModule, () => {
  const config = authConfig();
  return {
    openApiPath: '/auth/openapi.json',
    port: config.PORT,
    ...httpServerSettings(config),
    beforeListen: async (app) => {
      await useSessionCookies(app);
      await attachGrpcServer(app, `0.0.0.0:${config.GRPC_PORT}`);
    },
  };
});
