import { ingressPaths } from './alb';
import { type Manifests, podSpec } from './manifests';
import { annotation, perContainer, type Rule } from './rule';

/** Named things the objects point at exist: ConfigMaps and keys, ServiceAccounts, pods and ports, targets. */
export const referencesResolve: Rule = {
  id: 'references-resolve',
  description: 'every ConfigMap, key, ServiceAccount, Service, port and scale target referred to exists',
  check(m) {
    const configMap = (name = '') => m.find('ConfigMap', name);
    const violations = perContainer(m, (c) => [
      ...(c.envFrom ?? [])
        .filter((source) => source.configMapRef && !configMap(source.configMapRef.name))
        .map((source) => `no ConfigMap ${source.configMapRef?.name}`),
      ...(c.env ?? []).flatMap((e) => {
        const ref = e.valueFrom?.configMapKeyRef;
        return ref && configMap(ref.name)?.data?.[ref.key] === undefined
          ? [`no key ${ref.key} in ConfigMap ${ref.name}`]
          : [];
      }),
    ]);
    for (const d of m.deployments) {
      const account = podSpec(d).serviceAccountName;
      if (account && !m.find('ServiceAccount', account)) {
        violations.push(`Deployment/${d.metadata.name}: no ServiceAccount ${account}`);
      }
    }
    violations.push(...serviceViolations(m), ...targetViolations(m));
    return violations;
  },
};

function serviceViolations(m: Manifests): string[] {
  return m.ofKind('Service').flatMap((service) => {
    const id = `Service/${service.metadata.name}`;
    const pods = m.deploymentsSelectedBy(service.spec?.selector);
    if (pods.length !== 1) return [`${id} selects the pods of ${pods.length} Deployments, not 1`];
    const ports = podSpec(pods[0]).containers.flatMap((c) => c.ports ?? []);
    return (service.spec?.ports ?? [])
      .filter((p) => !ports.some((port) => port.name === p.targetPort || port.containerPort === p.targetPort))
      .map((p) => `${id}: target port ${p.targetPort} is not a port of its pods`);
  });
}

function targetViolations(m: Manifests): string[] {
  const violations: string[] = [];
  for (const ingress of m.ofKind('Ingress')) {
    for (const path of ingressPaths(ingress)) {
      const backend = path.backend.service;
      if (!backend) continue;
      if (backend.port?.name === 'use-annotation') {
        if (!annotation(ingress, `alb.ingress.kubernetes.io/actions.${backend.name}`)) {
          violations.push(`Ingress path ${path.path}: no action annotation ${backend.name}`);
        }
      } else if (!m.find('Service', backend.name)?.spec?.ports?.some((p) => p.name === backend.port?.name)) {
        violations.push(`Ingress path ${path.path}: no Service ${backend.name} with port ${backend.port?.name}`);
      }
    }
  }
  for (const hpa of m.ofKind('HorizontalPodAutoscaler')) {
    const target = hpa.spec?.scaleTargetRef;
    if (target?.kind !== 'Deployment' || !m.find('Deployment', target.name)) {
      violations.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: no target ${target?.kind}/${target?.name}`);
    }
  }
  for (const budget of m.ofKind('PodDisruptionBudget')) {
    if (m.deploymentsSelectedBy(budget.spec?.selector?.matchLabels).length === 0) {
      violations.push(`PodDisruptionBudget/${budget.metadata.name} selects no pods`);
    }
  }
  return violations;
}
