import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monolithConfig, MonolithConfig } from '../config/monolith.config';
import { createDocumentClient } from './dynamodb.client';

@Global()
@Module({
  providers: [
    {
      provide: DynamoDBDocumentClient,
      inject: [monolithConfig.KEY],
      useFactory: (config: MonolithConfig) =>
        createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
    },
  ],
  exports: [DynamoDBDocumentClient],
})
export class DynamoDbModule implements OnApplicationShutdown {
  constructor(@Inject(DynamoDBDocumentClient) private readonly client: DynamoDBDocumentClient) {}

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
