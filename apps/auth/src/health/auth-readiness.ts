import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadinessProbe } from '@app/observability';

@Injectable()
export class AuthReadiness extends ReadinessProbe {
  constructor(private readonly database: TypeOrmHealthIndicator) {
    super();
  }

  checks(): HealthIndicatorFunction[] {
    return [() => this.database.pingCheck('postgres').withTimeout(1_500)];
  }
}
