import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction } from '@nestjs/terminus';
import { ReadinessProbe } from '@app/observability';

/** Ready once the routes are loaded and the proxy listens (the app does not start otherwise). */
@Injectable()
export class GatewayReadiness extends ReadinessProbe {
  checks(): HealthIndicatorFunction[] {
    return [];
  }
}
