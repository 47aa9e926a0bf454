import { bootstrapHttpService } from '@app/http-kit';
import { LikeModule } from './like.module';

void bootstrapHttpService(LikeModule, { title: 'like', openApiPath: '/openapi.json', defaultPort: 3003 });
