import { bootstrapHttpService } from '@app/http-kit';
import { MonolithModule } from './monolith.module';

void bootstrapHttpService(MonolithModule, { title: 'monolith', openApiPath: '/openapi.json', defaultPort: 3002 });
