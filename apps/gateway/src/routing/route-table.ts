import { Route } from './ingress-routes';

export class RouteTable {
  constructor(readonly routes: readonly Route[]) {}

  /** The first route, in ALB rule order, whose path matches a decoded path (see routablePath). */
  match(path: string): Route | undefined {
    return this.routes.find((route) => route.matches(path));
  }

  /** Backend services the routes send traffic to. */
  services(): string[] {
    return [
      ...new Set(this.routes.flatMap((route) => (route.target.kind === 'service' ? [route.target.service] : []))),
    ];
  }
}
