import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { route } from '../k8s/test/support/alb';
import { HTTP_DURATION_BUCKETS } from './catalogue';
import { SLOS } from './slos';

const ingress = parse(readFileSync(join(__dirname, '..', 'k8s', 'base', 'ingress.yaml'), 'utf8')) as IIngress;

/** A request path the route pattern stands for: `/mysfits/:id` becomes `/mysfits/<uuid>`. */
function examplePath(pattern: string): string {
  return pattern.replace(':id', '776cd5a6-b67e-5a70-a29f-f05a120ba6ea').replace(/\*$/, 'x');
}

describe('the SLOs', () => {
  it('send every route of a group to its service through the Ingress, as the ALB does', () => {
    const misrouted = SLOS.flatMap((slo) =>
      slo.routes
        .map((pattern) => [pattern, route(ingress, examplePath(pattern)), slo.service])
        .filter(([, actual, expected]) => actual !== expected),
    );
    expect(misrouted).toEqual([]);
  });

  it('cover every Service the Ingress routes to', () => {
    const backends = (ingress.spec?.rules ?? [])
      .flatMap((rule) => rule.http?.paths ?? [])
      .filter((path) => path.backend.service?.port?.name !== 'use-annotation')
      .map((path) => path.backend.service?.name);
    expect([...new Set(SLOS.map((slo) => slo.service))].sort()).toEqual([...new Set(backends)].sort());
  });

  it('set latency thresholds on bucket bounds of the HTTP duration histogram', () => {
    const bounds: readonly number[] = HTTP_DURATION_BUCKETS;
    expect(SLOS.filter((slo) => !bounds.includes(slo.latency.thresholdSeconds)).map((slo) => slo.name)).toEqual([]);
  });

  it('have distinct names and objectives strictly between 0 and 1', () => {
    expect(new Set(SLOS.map((slo) => slo.name)).size).toBe(SLOS.length);
    const objectives = SLOS.flatMap((slo) => [slo.availability, slo.latency.objective]);
    expect(objectives.every((objective) => objective > 0 && objective < 1)).toBe(true);
  });
});
