import type { HealthIndicatorFunction } from '@nestjs/terminus';

/** Each service lists the dependencies it cannot serve without. */
export abstract class ReadinessProbe {
  abstract checks(): HealthIndicatorFunction[];
}
