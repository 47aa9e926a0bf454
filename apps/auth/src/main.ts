import { ConfigType } from '@nestjs/config';
import { authRpcOptions } from '@app/auth-rpc';
import { bootstrapHttpService } from '@app/http-kit';
import { AuthModule } from './auth.module';
import { useSessionCookies } from './browser-session/session-cookie';
import { authConfig } from './config/auth.config';

void bootstrapHttpService(AuthModule, {
  title: 'auth',
  openApiPath: '/auth/openapi.json',
  defaultPort: 3001,
  beforeListen: async (app) => {
    await useSessionCookies(app);
    const config = app.get<ConfigType<typeof authConfig>>(authConfig.KEY);
    app.connectMicroservice(authRpcOptions(`0.0.0.0:${config.GRPC_PORT}`));
    await app.startAllMicroservices();
  },
});
