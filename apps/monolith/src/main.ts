import { bootstrapHttpService } from '@app/http-kit';
import { MonolithModule } from './monolith.module';
import { WEB_ROOT } from './web-root';

void bootstrapHttpService(MonolithModule, {
  title: 'monolith',
  openApiPath: '/openapi.json',
  defaultPort: 3002,
  staticRoot: WEB_ROOT,
});
