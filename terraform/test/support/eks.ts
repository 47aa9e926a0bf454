import { evaluate } from './evaluate';
import { Findings, type CheckResult } from './findings';
import { blocks, stringsIn, type HclValue } from './hcl';
import { subnetRole } from './network';
import { resourcesOfType, valueOf, type Instance, type Located } from './stack';
import { traceTo } from './trace';
import { variableOrigin } from './variables';

export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
const ANYWHERE = '0.0.0.0/0';

/**
 * Clusters: all control-plane logs, secrets encrypted with a rotating KMS key, private subnets,
 * a private endpoint, a public one only for listed ranges, an OIDC provider for IRSA.
 */
export function checkClusters(root: Instance): CheckResult {
  const findings = new Findings();
  const clusters = resourcesOfType(root, 'aws_eks_cluster');
  findings.expect(clusters.length > 0, 'no aws_eks_cluster');
  for (const cluster of clusters) {
    const logTypes = valueOf(cluster, cluster.body.enabled_cluster_log_types);
    const enabled = Array.isArray(logTypes) ? logTypes : [];
    findings.expect(
      CONTROL_PLANE_LOG_TYPES.every((type) => enabled.includes(type)),
      `${cluster.address} does not enable every control-plane log type`,
    );
    checkSecretsEncryption(findings, cluster);
    const [vpcConfig] = blocks(cluster.body.vpc_config);
    findings.expect(
      allPrivate(cluster, vpcConfig?.subnet_ids),
      `${cluster.address} is not placed in private subnets only`,
    );
    findings.expect(
      valueOf(cluster, vpcConfig?.endpoint_private_access) === true,
      `${cluster.address} has no private endpoint`,
    );
    if (valueOf(cluster, vpcConfig?.endpoint_public_access) !== false) {
      findings.expect(
        publicAccessRestricted(cluster, vpcConfig?.public_access_cidrs),
        `${cluster.address} has a public endpoint open to ${ANYWHERE} or to unvalidated ranges`,
      );
    }
    const providers = resourcesOfType(root, 'aws_iam_openid_connect_provider').filter((provider) =>
      traceTo(provider, provider.body.url, 'aws_eks_cluster').some((origin) => origin.address === cluster.address),
    );
    findings.expect(
      providers.some(
        (provider) => JSON.stringify(valueOf(provider, provider.body.client_id_list)) === '["sts.amazonaws.com"]',
      ),
      `${cluster.address} has no IAM OIDC provider for sts.amazonaws.com (IRSA)`,
    );
  }
  return findings;
}

/** Managed node groups require IMDSv2 and run in private subnets; Fargate profiles too. */
export function checkCompute(root: Instance): CheckResult {
  const findings = new Findings();
  const nodeGroups = resourcesOfType(root, 'aws_eks_node_group');
  findings.expect(nodeGroups.length > 0, 'no aws_eks_node_group');
  for (const group of nodeGroups) {
    findings.expect(allPrivate(group, group.body.subnet_ids), `${group.address} is not placed in private subnets only`);
    const [launchTemplate] = blocks(group.body.launch_template);
    const templates = traceTo(group, launchTemplate?.id, 'aws_launch_template');
    findings.expect(
      templates.length === 1 &&
        templates.every((template) => {
          const [metadata] = blocks(template.body.metadata_options);
          return valueOf(template, metadata?.http_tokens) === 'required';
        }),
      `${group.address} does not use a launch template with http_tokens = "required" (IMDSv2)`,
    );
  }
  for (const profile of resourcesOfType(root, 'aws_eks_fargate_profile')) {
    findings.expect(
      allPrivate(profile, profile.body.subnet_ids),
      `${profile.address} is not placed in private subnets only`,
    );
  }
  return findings;
}

function checkSecretsEncryption(findings: Findings, cluster: Located): void {
  const encryption = blocks(cluster.body.encryption_config).find((config) => {
    const resources = valueOf(cluster, config.resources);
    return Array.isArray(resources) && resources.includes('secrets');
  });
  const [provider] = blocks(encryption?.provider);
  const keys = traceTo(cluster, provider?.key_arn, 'aws_kms_key');
  findings.expect(
    keys.length === 1 && keys.every((key) => valueOf(key, key.body.enable_key_rotation) === true),
    `${cluster.address} does not encrypt secrets with a KMS key that rotates`,
  );
}

function allPrivate(item: Located, subnetIds: HclValue | undefined): boolean {
  const subnets = traceTo(item, subnetIds, 'aws_subnet');
  return subnets.length > 0 && subnets.every((subnet) => subnetRole(subnet) === 'private');
}

/**
 * The ranges must be set (EKS defaults to 0.0.0.0/0), must not contain 0.0.0.0/0 when known, and
 * when they come from a root variable without a value, that variable must reject 0.0.0.0/0.
 */
function publicAccessRestricted(cluster: Located, cidrs: HclValue | undefined): boolean {
  if (cidrs === undefined) return false;
  const value = valueOf(cluster, cidrs);
  if (Array.isArray(value)) return value.length > 0 && !value.includes(ANYWHERE);
  const origin = variableOrigin({ instance: cluster.instance }, cidrs);
  if (!origin) return false;
  const fallback = evaluate(origin.scope, origin.declaration.default ?? null);
  const rejectsAnywhere = blocks(origin.declaration.validation).some((rule) =>
    stringsIn(rule.condition).join().includes(ANYWHERE),
  );
  return rejectsAnywhere && !(Array.isArray(fallback) && fallback.includes(ANYWHERE));
}
