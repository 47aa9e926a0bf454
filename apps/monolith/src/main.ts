import { bootstrapHttpService, httpServerSettings } from '@app/http-kit';
import { monolithConfig } from './config';
import { MonolithModule } from './monolith.module';
import { WEB_ROOT } from './web-root';

void bootstrapHttpService('monolith', MonolithModule, () => {
  const config = monolithConfig();
  return { openApiPath: '/openapi.json', port: config.PORT, ...httpServerSettings(config), staticRoot: WEB_ROOT };
});
