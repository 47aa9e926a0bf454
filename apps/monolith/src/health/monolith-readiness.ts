import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadinessProbe } from '@app/observability';
import { DynamoDbHealthIndicator } from '../dynamodb';

/** Ready when both stores answer. Auth is not checked: without it, names are left out but pages still work. */
@Injectable()
export class MonolithReadiness extends ReadinessProbe {
  constructor(
    private readonly database: TypeOrmHealthIndicator,
    private readonly dynamodb: DynamoDbHealthIndicator,
  ) {
    super();
  }

  checks(): HealthIndicatorFunction[] {
    return [() => this.database.pingCheck('postgres').withTimeout(1_500), () => this.dynamodb.tablesReady('dynamodb')];
  }
}
