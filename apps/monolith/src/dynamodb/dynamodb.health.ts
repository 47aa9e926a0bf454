import { Inject, Injectable } from '@nestjs/common';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { HealthIndicatorService } from '@nestjs/terminus';
import { monolithConfig, MonolithConfig } from '../config';

/** Up when every table of the monolith exists and is ACTIVE. */
@Injectable()
export class DynamoDbHealthIndicator {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly indicators: HealthIndicatorService,
    @Inject(monolithConfig.KEY) private readonly config: MonolithConfig,
  ) {}

  async tablesReady(key: string) {
    const indicator = this.indicators.check(key);
    try {
      const tables = [this.config.MYSFITS_TABLE, this.config.LIKES_TABLE];
      const statuses = await Promise.all(
        tables.map(
          async (TableName) => (await this.client.send(new DescribeTableCommand({ TableName }))).Table?.TableStatus,
        ),
      );
      return statuses.every((status) => status === 'ACTIVE') ? indicator.up() : indicator.down({ statuses });
    } catch (error) {
      return indicator.down({ message: (error as Error).name });
    }
  }
}
