import { bootstrapHttpService, httpServerSettings } from '@app/http-kit';
import { likeConfig } from './config';
import { LikeModule } from './like.module';

void bootstrapHttpService('like', LikeModule, () => {
  const config = likeConfig();
  return { openApiPath: '/openapi.json', port: config.PORT, ...httpServerSettings(config) };
});
