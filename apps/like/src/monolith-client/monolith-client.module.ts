import { Module } from '@nestjs/common';
import { ServiceTokenModule } from '../service-token';
import { MonolithClient } from './monolith.client';
import { monolithClientMetrics } from './monolith-client.metrics';

/** The resilient client of the monolith's internal routes; exports MonolithClient. */
@Module({
  imports: [ServiceTokenModule],
  providers: [MonolithClient, ...monolithClientMetrics],
  exports: [MonolithClient],
})
export class MonolithClientModule {}
