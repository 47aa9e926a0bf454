import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { ALB, backendServices, targetGroupAnnotation } from './alb';
import { resolveEnv } from './env';
import { type Manifests, podSpec } from './manifests';
import { DEFAULT_ALB_IDLE_TIMEOUT_SECONDS, DRAIN_SECONDS, LONGEST_REQUEST_SECONDS } from './mysfits';
import { annotation, parseAttributes, perDeployment, type Rule } from './rule';

const READINESS_GATE_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';

function isZero(value: string | number | undefined): boolean {
  return value === 0 || value === '0%';
}

/** The longest preStop sleep of the pod's app containers. */
function preStopPause(d: IDeployment): number {
  return Math.max(...podSpec(d).containers.map((c) => c.lifecycle?.preStop?.sleep?.seconds ?? 0));
}

function gracePeriod(d: IDeployment): number {
  return podSpec(d).terminationGracePeriodSeconds ?? 30;
}

export const rollingUpdate: Rule = {
  id: 'rolling-update',
  description: 'RollingUpdate with maxUnavailable 0 (and a surge, so it can progress)',
  check: (m) =>
    perDeployment(m, (d) => {
      const strategy = d.spec?.strategy;
      if (strategy?.type !== 'RollingUpdate') return ['strategy is not an explicit RollingUpdate'];
      const { maxUnavailable = '25%', maxSurge = '25%' } = strategy.rollingUpdate ?? {};
      return [
        ...(isZero(maxUnavailable) ? [] : [`maxUnavailable is ${maxUnavailable}, not 0`]),
        ...(isZero(maxSurge) ? ['maxSurge is 0: the rollout could not progress'] : []),
      ];
    }),
};

export const gracefulShutdown: Rule = {
  id: 'graceful-shutdown',
  description: `preStop sleep; grace period > pause + request ${LONGEST_REQUEST_SECONDS} s + drain ${DRAIN_SECONDS} s`,
  check: (m) =>
    perDeployment(m, (d) => {
      const missing = podSpec(d).containers.filter((c) => !(Number(c.lifecycle?.preStop?.sleep?.seconds) > 0));
      if (missing.length > 0) return missing.map((c) => `container ${c.name} has no preStop sleep`);
      const needed = preStopPause(d) + LONGEST_REQUEST_SECONDS + DRAIN_SECONDS;
      return gracePeriod(d) > needed ? [] : [`terminationGracePeriodSeconds ${gracePeriod(d)} is not above ${needed}`];
    }),
};

export const readinessGates: Rule = {
  id: 'readiness-gates',
  description: 'the ALB targets pod IPs, and the namespace asks for the target health readiness gate',
  check(m) {
    const violations = perDeployment(m, (d) => {
      const namespace = m.find('Namespace', d.metadata.namespace ?? '');
      return namespace?.metadata.labels?.[READINESS_GATE_LABEL] === 'enabled'
        ? []
        : [`its namespace lacks the label ${READINESS_GATE_LABEL}: enabled`];
    });
    for (const ingress of m.ofKind('Ingress')) {
      for (const service of backendServices(ingress)) {
        const targetType = targetGroupAnnotation(m, ingress, service, 'target-type');
        if (targetType !== 'ip') violations.push(`Service/${service}: ALB target-type is ${targetType}, not ip`);
      }
    }
    return violations;
  },
};

export const deregistrationDelay: Rule = {
  id: 'deregistration-delay',
  description: 'an explicit target deregistration delay, >= preStop pause + longest request, <= the grace period',
  check(m) {
    const ingresses = m.ofKind('Ingress');
    if (ingresses.length === 0) return ['no Ingress routes to the apps'];
    return ingresses.flatMap((ingress) =>
      backendServices(ingress).flatMap((service) => {
        const attributes = parseAttributes(targetGroupAnnotation(m, ingress, service, 'target-group-attributes'));
        const delay = attributes.get('deregistration_delay.timeout_seconds');
        if (delay === undefined) return [`Service/${service}: no explicit deregistration_delay.timeout_seconds`];
        const selector = m.find('Service', service)?.spec?.selector;
        return m.deploymentsSelectedBy(selector).flatMap((d) => {
          const least = preStopPause(d) + LONGEST_REQUEST_SECONDS;
          if (Number(delay) < least) return [`Service/${service}: deregistration delay ${delay} s is below ${least} s`];
          if (Number(delay) > gracePeriod(d)) {
            return [`Service/${service}: deregistration delay ${delay} s outlasts the pods' ${gracePeriod(d)} s`];
          }
          return [];
        });
      }),
    );
  },
};

/** The longest idle timeout of the ALBs in front of the apps (the default when there is none). */
export function albIdleTimeoutSeconds(m: Manifests): number {
  const timeouts = m.ofKind('Ingress').map((ingress) => {
    const attributes = parseAttributes(annotation(ingress, `${ALB}load-balancer-attributes`));
    return Number(attributes.get('idle_timeout.timeout_seconds') ?? DEFAULT_ALB_IDLE_TIMEOUT_SECONDS);
  });
  return timeouts.length > 0 ? Math.max(...timeouts) : DEFAULT_ALB_IDLE_TIMEOUT_SECONDS;
}

const KEEP_ALIVE = 'HTTP_KEEP_ALIVE_TIMEOUT_MS';

export const keepAlive: Rule = {
  id: 'keep-alive',
  description: "HTTP_KEEP_ALIVE_TIMEOUT_MS, from a ConfigMap, exceeds the ALB's idle timeout",
  check(m) {
    const idleMs = albIdleTimeoutSeconds(m) * 1000;
    return perDeployment(m, (d) =>
      podSpec(d).containers.flatMap((c) => {
        const env = resolveEnv(m, c, KEEP_ALIVE);
        if (env?.from !== 'configMap') return [`container ${c.name} gets no ${KEEP_ALIVE} from a ConfigMap`];
        return Number(env.value) > idleMs
          ? []
          : [`container ${c.name}: ${KEEP_ALIVE} ${env.value} is not above the ALB idle timeout ${idleMs}`];
      }),
    );
  },
};

export const ROLLOUT_RULES = [rollingUpdate, gracefulShutdown, readinessGates, deregistrationDelay, keepAlive];
