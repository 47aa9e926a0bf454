import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { ReadinessProbe } from '@app/observability';
import { GatewayServer } from '../proxy';

/** Ready once the proxy listens: the routes are loaded by then (the app does not start otherwise). */
@Injectable()
export class GatewayReadiness extends ReadinessProbe {
  constructor(
    private readonly proxy: GatewayServer,
    private readonly indicators: HealthIndicatorService,
  ) {
    super();
  }

  checks(): HealthIndicatorFunction[] {
    return [
      () => {
        const indicator = this.indicators.check('proxy');
        return this.proxy.listening ? indicator.up() : indicator.down({ message: 'not listening yet' });
      },
    ];
  }
}
