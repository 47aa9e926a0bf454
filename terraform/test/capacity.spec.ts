import type { IContainer } from 'kubernetes-models/v1/Container';
import { podSpec } from '../../k8s/test/support/manifests';
import { overlay } from '../../k8s/test/support/overlays';
import { parseQuantity } from '../../k8s/test/support/quantity';
import { evaluate } from './support/evaluate';
import { loadDevStack } from './support/paths';

/**
 * What one node of each instance type offers pods, as EKS's AL2023 AMI configures the kubelet: max pods
 * from the VPC CNI's ENI limits (eni-max-pods), CPU and memory less the kube-reserved share and the
 * eviction threshold.
 */
const ALLOCATABLE: Record<string, { cpu: number; memoryMiB: number; pods: number }> = {
  't3.medium': { cpu: 1.93, memoryMiB: 3400, pods: 17 },
  't3.large': { cpu: 1.93, memoryMiB: 7200, pods: 35 },
  'm6i.large': { cpu: 1.93, memoryMiB: 7200, pods: 29 },
};

/** Pods outside the app's namespace: CoreDNS (2), the controller (2), metrics-server, ExternalDNS, and aws-node and kube-proxy on each node. */
const ADD_ONS = { cpu: 1, memoryMiB: 1000, pods: 6, podsPerNode: 2 };
/** The Deployments' rollout surge (maxSurge 25%), for one rollout at a time. */
const SURGE = 0.25;

const MiB = 2 ** 20;

function requests(containers: IContainer[], resource: 'cpu' | 'memory'): number {
  return containers.reduce((sum, c) => sum + parseQuantity(c.resources?.requests?.[resource] ?? 0), 0);
}

describe('the node group of envs/dev', () => {
  it('holds every Deployment at its HPA maximum, plus a rollout surge and the cluster add-ons', async () => {
    const stack = await loadDevStack();
    const nodes = evaluate({ instance: stack }, stack.module.variables.get('node_count')!.default!) as number;
    const [type] = evaluate(
      { instance: stack },
      stack.module.variables.get('node_instance_types')!.default!,
    ) as string[];
    const node = ALLOCATABLE[type];
    expect(node).toBeDefined();

    const m = overlay('eks');
    const maxima = m.deployments.map((d) => {
      const hpa = m.ofKind('HorizontalPodAutoscaler').find((h) => h.spec?.scaleTargetRef.name === d.metadata.name);
      const spec = podSpec(d);
      // Init containers run before the app containers, so a pod needs the larger of the two.
      const perPod = (resource: 'cpu' | 'memory') =>
        Math.max(requests(spec.containers, resource), requests(spec.initContainers ?? [], resource));
      const replicas = hpa?.spec?.maxReplicas ?? d.spec?.replicas ?? 1;
      return { replicas, cpu: perPod('cpu'), memory: perPod('memory') };
    });
    const surge = maxima.reduce(
      (largest, d) => {
        const extra = Math.ceil(d.replicas * SURGE);
        return extra * d.memory > largest.memory
          ? { pods: extra, cpu: extra * d.cpu, memory: extra * d.memory }
          : largest;
      },
      { pods: 0, cpu: 0, memory: 0 },
    );
    const needed = {
      pods: maxima.reduce((sum, d) => sum + d.replicas, 0) + surge.pods + ADD_ONS.pods + ADD_ONS.podsPerNode * nodes,
      cpu: maxima.reduce((sum, d) => sum + d.replicas * d.cpu, 0) + surge.cpu + ADD_ONS.cpu,
      memoryMiB: (maxima.reduce((sum, d) => sum + d.replicas * d.memory, 0) + surge.memory) / MiB + ADD_ONS.memoryMiB,
    };
    const offered = { pods: nodes * node.pods, cpu: nodes * node.cpu, memoryMiB: nodes * node.memoryMiB };
    expect(needed.pods).toBeLessThanOrEqual(offered.pods);
    expect(needed.cpu).toBeLessThanOrEqual(offered.cpu);
    expect(needed.memoryMiB).toBeLessThanOrEqual(offered.memoryMiB);
  });
});
