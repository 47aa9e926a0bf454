import { Route } from './ingress-routes';

export class RouteTable {
  constructor(readonly routes: readonly Route[]) {}

  /** The first route, in ALB rule order, whose path matches; the query string plays no part. */
  match(url: string): Route | undefined {
    const path = url.split('?', 1)[0];
    return this.routes.find((route) => route.matches(path));
  }

  /** Backend services the routes send traffic to. */
  services(): string[] {
    return [
      ...new Set(this.routes.flatMap((route) => (route.target.kind === 'service' ? [route.target.service] : []))),
    ];
  }
}
