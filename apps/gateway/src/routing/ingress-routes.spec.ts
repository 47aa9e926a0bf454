import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routesFromIngress } from './ingress-routes';
import { routablePath } from './request-path';
import { RouteTable } from './route-table';

const manifest = readFileSync(join(__dirname, '../../../../k8s/base/ingress.yaml'), 'utf8');
const table = new RouteTable(routesFromIngress(manifest));
const backendOf = (url: string) => {
  const routable = routablePath(url);
  if (routable.refused) return routable.code;
  const target = table.match(routable.path)?.target;
  if (!target) return 'no route';
  return target.kind === 'service' ? target.service : `fixed ${target.response.statusCode}`;
};

describe('the routes of k8s/base/ingress.yaml', () => {
  it.each([
    ['/auth/login', 'auth'],
    ['/auth', 'auth'],
    ['/auth/.well-known/jwks.json', 'auth'],
    ['/authority', 'monolith'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/like', 'like'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/like?x=1', 'like'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/fulfill-like', 'fixed 404'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/likes', 'monolith'],
    ['/mysfits', 'monolith'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae', 'monolith'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/adopt', 'monolith'],
    ['/me/adoptions', 'monolith'],
    ['/', 'monolith'],
    ['/metrics', 'fixed 404'],
    ['/health/ready', 'fixed 404'],
    // Matched as the services decode the path.
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/%66ulfill-like', 'fixed 404'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/fulfill%2Dlike', 'fixed 404'],
    ['/%6detrics', 'fixed 404'],
    ['/%68ealth/ready', 'fixed 404'],
    ['/mysfits/4e53920c-505a-4a90-a694-b9300791f0ae/%6Cike', 'like'],
    ['/mysfits/x%2Ffulfill-like', 'MALFORMED_PATH'],
  ])('sends %s to %s', (url, backend) => {
    expect(backendOf(url)).toBe(backend);
  });

  it('lists the backends the gateway needs upstream URLs for', () => {
    expect(table.services().sort()).toEqual(['auth', 'like', 'monolith']);
  });
});

describe('routesFromIngress', () => {
  const ingress = (paths: string, annotations = '') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: test
  annotations: {${annotations}}
spec:
  rules:
    - http:
        paths:
${paths}`;
  const path = (value: string, pathType: string, service: string, port = 'name: http') => `
          - path: ${value}
            pathType: ${pathType}
            backend: { service: { name: ${service}, port: { ${port} } } }`;

  it('orders Exact first, then Prefix longest first, then ImplementationSpecific as written', () => {
    const routes = routesFromIngress(
      ingress(
        path('/*', 'ImplementationSpecific', 'catch-all') +
          path('/a', 'Prefix', 'short') +
          path('/a/b', 'Prefix', 'long') +
          path('/a/b/c', 'Exact', 'exact') +
          path('/a/*/z', 'ImplementationSpecific', 'pattern'),
      ),
    );
    expect(routes.map((route) => route.path)).toEqual(['/a/b/c', '/a/b', '/a', '/*', '/a/*/z']);
  });

  it('lets a "/" Prefix rule swallow every ImplementationSpecific rule, as on the ALB', () => {
    const routes = new RouteTable(
      routesFromIngress(
        ingress(path('/mysfits/*/like', 'ImplementationSpecific', 'like') + path('/', 'Prefix', 'monolith')),
      ),
    );
    expect(routes.match('/mysfits/x/like')?.target).toEqual({ kind: 'service', service: 'monolith' });
  });

  it('matches ? as exactly one character and keeps paths case-sensitive', () => {
    const routes = new RouteTable(routesFromIngress(ingress(path('/v?/items', 'ImplementationSpecific', 'items'))));
    expect(routes.match('/v1/items')).toBeDefined();
    expect(routes.match('/v10/items')).toBeUndefined();
    expect(routes.match('/V1/items')).toBeUndefined();
  });

  it('refuses an annotation backend without its action, and actions other than fixed responses', () => {
    const internal = path('/x', 'Exact', 'blocked', 'name: use-annotation');
    expect(() => routesFromIngress(ingress(internal))).toThrow(/actions.blocked is missing/);
    const redirect = `"alb.ingress.kubernetes.io/actions.blocked": '{"type":"redirect"}'`;
    expect(() => routesFromIngress(ingress(internal, redirect))).toThrow(/only fixed-response/);
  });

  it('refuses host rules, which the local gateway cannot honour', () => {
    expect(() => routesFromIngress(ingress('').replace('- http:', '- host: a.example.com\n      http:'))).toThrow(
      /Host rules/,
    );
  });
});
