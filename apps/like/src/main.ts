import { bootstrapHttpService, httpServerSettings } from '@app/http-kit';
import { likeConfig } from './config';
import { LikeModule } from './like.module';

const config = likeConfig();
void bootstrapHttpService(LikeModule, {
  title: 'like',
  openApiPath: '/openapi.json',
  port: config.PORT,
  ...httpServerSettings(config),
});
