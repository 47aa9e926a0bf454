import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing';
import { GatewayServer, routedRequestsHistogram } from './gateway.server';

/** The proxy on PORT that routes by the route table; exports GatewayServer for the readiness check. */
@Module({
  imports: [RoutingModule],
  providers: [GatewayServer, routedRequestsHistogram],
  exports: [GatewayServer],
})
export class ProxyModule {}
