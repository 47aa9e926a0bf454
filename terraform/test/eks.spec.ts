import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkClusters, checkCompute } from './support/eks';
import { loadDevStack, TERRAFORM_DIR } from './support/paths';
import type { Instance } from './support/stack';

describe('EKS of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('logs, encrypts, stays private and offers IRSA', () => {
    const result = checkClusters(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(7);
  });

  it('runs nodes and Fargate pods in private subnets with IMDSv2 only', () => {
    const result = checkCompute(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(4);
  });
});

describe('the cluster add-ons and namespace of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('installs the VPC CNI with network policy enforcement and kube-proxy before the nodes, CoreDNS and metrics-server after', () => {
    const [eks] = stack.children.get('eks')!;
    const names = (local: string) => Object.keys(eks.module.locals.get(local) as Record<string, unknown>).sort();
    expect(names('addons_before_nodes')).toEqual(['kube-proxy', 'vpc-cni']);
    expect(names('addons_after_nodes')).toEqual(['coredns', 'metrics-server']);
    const vpcCni = (eks.module.locals.get('addons_before_nodes') as Record<string, string>)['vpc-cni'];
    expect(vpcCni).toMatch(/jsonencode\(\{\s*enableNetworkPolicy\s*=\s*"true"\s*\}\)/);
    const resources = eks.module.resources;
    expect(resources.get('aws_eks_node_group.default')!.depends_on).toContain('${aws_eks_addon.before_nodes}');
    expect(resources.get('aws_eks_addon.after_nodes')!.depends_on).toContain('${aws_eks_node_group.default}');
    for (const addon of ['before_nodes', 'after_nodes']) {
      expect(resources.get(`aws_eks_addon.${addon}`)!.addon_version).toBe(
        '${data.aws_eks_addon_version.this[each.key].version}',
      );
    }
  });

  it('creates the apps namespace with the name and labels of k8s/base/namespace.yaml', () => {
    const namespace = stack.module.resources.get('kubernetes_namespace_v1.apps')!;
    expect(JSON.stringify(namespace)).toContain('local.namespace_manifest.labels');
    expect(String(stack.module.locals.get('namespace_manifest'))).toContain(
      'file("${path.module}/../../../k8s/base/namespace.yaml")',
    );
    const manifest = readFileSync(join(TERRAFORM_DIR, '..', 'k8s', 'base', 'namespace.yaml'), 'utf8');
    expect(manifest).toContain(`name: ${String(stack.module.locals.get('k8s_namespace'))}\n`);
  });
});
