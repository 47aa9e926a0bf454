import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { podSpec } from './manifests';
import { LIVE_PATH, READY_PATH } from './mysfits';
import { perDeployment, type Rule, sameData } from './rule';

const PROBES = [
  ['startupProbe', LIVE_PATH],
  ['readinessProbe', READY_PATH],
  ['livenessProbe', LIVE_PATH],
] as const;

function probeViolations(c: IContainer, kind: string, probe: IProbe | undefined, path: string): string[] {
  if (!probe) return [`has no ${kind}`];
  const get = probe.httpGet;
  if (!get) return [`${kind} is not an HTTP GET`];
  const portKnown = (c.ports ?? []).some((p) => p.name === get.port || p.containerPort === get.port);
  return [
    ...(get.path === path ? [] : [`${kind} checks ${get.path}, not ${path}`]),
    ...(portKnown ? [] : [`${kind} probes port ${get.port}, which the container does not declare`]),
  ];
}

export const probes: Rule = {
  id: 'probes',
  description: `startup, readiness and liveness probes that differ; only readiness checks dependencies (${READY_PATH})`,
  check: (m) =>
    perDeployment(m, (d) =>
      podSpec(d).containers.flatMap((c) => {
        const violations = PROBES.flatMap(([kind, path]) => probeViolations(c, kind, c[kind], path));
        const [startup, readiness, liveness] = PROBES.map(([kind]) => c[kind]);
        if (startup && sameData(startup, liveness)) violations.push('startup and liveness probes are the same');
        if (readiness && sameData(readiness, liveness)) violations.push('readiness and liveness probes are the same');
        return violations.map((v) => `container ${c.name} ${v}`);
      }),
    ),
};
