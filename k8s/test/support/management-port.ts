import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { backendServices, targetGroupAnnotation } from './alb';
import { type Manifests, podSpec } from './manifests';
import { perDeployment, type Rule } from './rule';

/** The variable that moves an app's /health and /metrics to a port of their own (libs/observability). */
export const MANAGEMENT_PORT_VARIABLE = 'ADMIN_PORT';

const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;

/** The app container's management port: the containerPort its ADMIN_PORT names, undefined without one. */
export function managementPortOf(d: IDeployment): { name?: string; containerPort: number } | undefined {
  const container = podSpec(d).containers[0];
  const value = container.env?.find((e) => e.name === MANAGEMENT_PORT_VARIABLE)?.value;
  return container.ports?.find((p) => String(p.containerPort) === value);
}

function isPort(
  container: IContainer,
  port: string | number | undefined,
  wanted: { name?: string; containerPort: number },
) {
  if (port === wanted.containerPort || (wanted.name !== undefined && port === wanted.name)) return true;
  return container.ports?.some((p) => p.name === port && p.containerPort === wanted.containerPort) ?? false;
}

export const managementPort: Rule = {
  id: 'management-port',
  description:
    'health and metrics on a management port: the probes and the ALB health check use it, no Ingress-facing Service exposes it',
  check: (m: Manifests) => {
    const ingress = m.ofKind('Ingress')[0];
    const served = new Set(ingress ? backendServices(ingress) : []);
    const deploymentViolations = perDeployment(m, (d) => {
      const container = podSpec(d).containers[0];
      const management = managementPortOf(d);
      if (!management) return [`container ${container.name}: ${MANAGEMENT_PORT_VARIABLE} names none of its ports`];
      return PROBES.flatMap((kind) => {
        const port = container[kind]?.httpGet?.port;
        return port === undefined || isPort(container, port, management)
          ? []
          : [
              `container ${container.name}: ${kind} probes port ${port}, not the management port ${management.containerPort}`,
            ];
      });
    });
    const serviceViolations = m.ofKind('Service').flatMap((service) => {
      const name = service.metadata.name;
      if (!ingress || !served.has(name)) return [];
      return m.deploymentsSelectedBy(service.spec?.selector).flatMap((d) => {
        const management = managementPortOf(d);
        if (!management) return [];
        const container = podSpec(d).containers[0];
        const exposed = (service.spec?.ports ?? [])
          .filter((p) => isPort(container, p.targetPort ?? p.port, management))
          .map((p) => `Service/${name}: exposes the management port of ${d.metadata?.name} (${p.name ?? p.port})`);
        const healthCheckPort = targetGroupAnnotation(m, ingress, name, 'healthcheck-port');
        const checked =
          healthCheckPort === String(management.containerPort)
            ? []
            : [
                `Service/${name}: ALB health check port is ${healthCheckPort ?? 'traffic-port'}, not the management port ${management.containerPort}`,
              ];
        return [...exposed, ...checked];
      });
    });
    return [...deploymentViolations, ...serviceViolations];
  },
};
