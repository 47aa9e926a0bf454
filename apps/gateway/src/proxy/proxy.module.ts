import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing';
import { GatewayServer, routedRequestsCounter } from './gateway.server';

/** The proxy on PORT that routes by the route table; exports GatewayServer for the readiness check. */
@Module({
  imports: [RoutingModule],
  providers: [GatewayServer, routedRequestsCounter],
  exports: [GatewayServer],
})
export class ProxyModule {}
