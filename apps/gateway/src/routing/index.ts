export { RouteTable } from './route-table';
export { RoutingModule } from './routing.module';
