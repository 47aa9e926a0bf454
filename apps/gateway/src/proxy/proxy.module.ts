import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing';
import { GatewayServer, routedRequestsCounter } from './gateway.server';

/** The proxy on PORT that routes by the route table; nothing here is for other modules. */
@Module({
  imports: [RoutingModule],
  providers: [GatewayServer, routedRequestsCounter],
})
export class ProxyModule {}
