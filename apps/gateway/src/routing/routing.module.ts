import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { gatewayConfig, GatewayConfig } from '../config';
import { routesFromIngress } from './ingress-routes';
import { RouteTable } from './route-table';

/** The route table, read from the Ingress manifest at start; exports RouteTable. */
@Module({
  providers: [
    {
      provide: RouteTable,
      inject: [gatewayConfig.KEY],
      useFactory: (config: GatewayConfig) =>
        new RouteTable(routesFromIngress(readFileSync(resolve(config.INGRESS_MANIFEST), 'utf8'))),
    },
  ],
  exports: [RouteTable],
})
export class RoutingModule {}
