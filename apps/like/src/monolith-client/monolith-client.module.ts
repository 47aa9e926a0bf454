import { Module } from '@nestjs/common';
import { ServiceTokenModule } from '../service-token';
import { MonolithClient } from './monolith.client';

/** The resilient client of the monolith's internal routes; exports MonolithClient. */
@Module({
  imports: [ServiceTokenModule],
  providers: [MonolithClient],
  exports: [MonolithClient],
})
export class MonolithClientModule {}
