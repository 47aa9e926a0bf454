import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction } from '@nestjs/terminus';
import { ReadinessProbe } from '@app/observability';

/**
 * Ready as soon as it runs. The like service keeps no state, and when the monolith or auth is down it
 * must stay in the load balancer to answer 503 UPSTREAM_UNAVAILABLE itself rather than vanish.
 */
@Injectable()
export class LikeReadiness extends ReadinessProbe {
  checks(): HealthIndicatorFunction[] {
    return [];
  }
}
