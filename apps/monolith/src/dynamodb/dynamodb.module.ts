import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@app/dynamodb';
import { monolithConfig, MonolithConfig } from '../config';

/** The DynamoDB client, for the features that keep data there (each imports this module). */
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
