export type { FixedResponse, Route } from './ingress-routes';
export { routablePath, type RefusedTarget } from './request-path';
export { RouteTable } from './route-table';
export { RoutingModule } from './routing.module';
