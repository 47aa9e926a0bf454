import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { type ILabelSelector, selects } from './labels';
import { type K8sObject, type Manifests, podLabels, podSpec } from './manifests';
import { AUTOSCALED_APPS } from './mysfits';
import { perDeployment, type Rule } from './rule';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

function autoscalersOf(m: Manifests, d: IDeployment & K8sObject) {
  return m
    .ofKind('HorizontalPodAutoscaler')
    .filter((h) => h.spec?.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name);
}

export const replicas: Rule = {
  id: 'replicas',
  description: 'at least 2 replicas; no replicas field where an HPA owns the count',
  check: (m) =>
    perDeployment(m, (d) => {
      const [hpa] = autoscalersOf(m, d);
      if (!hpa) return (d.spec?.replicas ?? 1) >= 2 ? [] : [`runs ${d.spec?.replicas ?? 1} replica(s), fewer than 2`];
      return [
        ...(d.spec?.replicas === undefined ? [] : ['sets replicas although an HPA owns the count']),
        ...((hpa.spec?.minReplicas ?? 1) >= 2 ? [] : [`its HPA allows ${hpa.spec?.minReplicas ?? 1} replica(s)`]),
      ];
    }),
};

export const cpuAutoscaling: Rule = {
  id: 'cpu-autoscaling',
  description: `${AUTOSCALED_APPS.join(' and ')} scale on CPU with an autoscaling/v2 HPA`,
  check: (m) =>
    AUTOSCALED_APPS.flatMap((app) => {
      const d = m.find('Deployment', app);
      if (!d) return [`Deployment/${app} is missing`];
      const onCpu = autoscalersOf(m, d).filter((h) =>
        h.spec?.metrics?.some((metric) => metric.type === 'Resource' && metric.resource?.name === 'cpu'),
      );
      if (onCpu.length === 0) return [`Deployment/${app}: no HorizontalPodAutoscaler on CPU`];
      return onCpu.flatMap((h) =>
        (h.spec?.maxReplicas ?? 0) > (h.spec?.minReplicas ?? 1) ? [] : [`HPA/${h.metadata.name} cannot scale out`],
      );
    }),
};

export const disruptionBudget: Rule = {
  id: 'disruption-budget',
  description: 'a PodDisruptionBudget with maxUnavailable 1 covers each Deployment',
  check: (m) =>
    perDeployment(m, (d) => {
      const budgets = m.ofKind('PodDisruptionBudget').filter((p) => selects(p.spec?.selector, podLabels(d)));
      if (budgets.length !== 1) return [`is covered by ${budgets.length} PodDisruptionBudgets, not 1`];
      const { maxUnavailable, minAvailable } = budgets[0].spec ?? {};
      return maxUnavailable === 1 && minAvailable === undefined
        ? []
        : [`PodDisruptionBudget/${budgets[0].metadata.name} is not maxUnavailable: 1`];
    }),
};

export const spread: Rule = {
  id: 'spread',
  description: 'pods spread across zones (topology spread) and hosts (anti-affinity)',
  check: (m) =>
    perDeployment(m, (d) => {
      const spec = podSpec(d);
      const own = (selector: ILabelSelector | undefined) => selects(selector, podLabels(d));
      const zoneSpread = spec.topologySpreadConstraints?.some((t) => t.topologyKey === ZONE && own(t.labelSelector));
      const antiAffinity = spec.affinity?.podAntiAffinity;
      const hostTerms = [
        ...(antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p) => p.podAffinityTerm),
      ];
      return [
        ...(zoneSpread ? [] : [`no topology spread over ${ZONE} selecting its own pods`]),
        ...(hostTerms.some((t) => t.topologyKey === HOST && own(t.labelSelector))
          ? []
          : [`no pod anti-affinity on ${HOST} against its own pods`]),
      ];
    }),
};

export const SCALING_RULES = [replicas, cpuAutoscaling, disruptionBudget, spread];
