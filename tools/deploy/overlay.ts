import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { DeployError } from './deploy-error';
import { entryOf, type DeployOutputs } from './terraform-outputs';

/** The apps deployed to EKS, each an image `mysfits/<app>` in k8s/base and an ECR repository. */
export const EKS_APPS = ['auth', 'monolith', 'like'] as const;

/** Service accounts with an IRSA role: the apps that call AWS, the database-roles step and the data split. */
export const ROLE_ACCOUNTS = ['auth', 'monolith', 'database-admin', 'legacy-split'] as const;

/** The ServiceAccount of k8s/components/observability's collector, whose role is the output collector_role_arn. */
const COLLECTOR_ACCOUNT = 'otel-collector';

/** The services with a database, the database-roles container for it, and its terraform outputs. */
export const DATABASES = [
  { service: 'auth', container: 'auth-database', outputs: 'auth_db' },
  { service: 'monolith', container: 'app-database', outputs: 'app_db' },
] as const;

type Database = (typeof DATABASES)[number];

export interface OverlayInputs {
  outputs: DeployOutputs;
  /** The image tag pushed to every repository (the git commit). */
  tag: string;
  /** Where the kustomization goes; it refers to k8s/ by relative paths from there. */
  overlayDir: string;
  repoRoot: string;
}

/**
 * The overlay of one environment: k8s/base, the EKS component and every value from the terraform outputs;
 * with observability_enabled, also k8s/components/observability.
 */
export function environmentKustomization({
  outputs,
  tag,
  overlayDir,
  repoRoot,
}: OverlayInputs): Record<string, unknown> {
  const k8s = (path: string) => relative(overlayDir, join(repoRoot, 'k8s', path));
  const namespace = baseNamespace(repoRoot);
  if (outputs.k8s_namespace !== namespace) {
    throw new DeployError(
      `terraform output k8s_namespace is "${outputs.k8s_namespace}", but k8s/base deploys to "${namespace}"`,
    );
  }
  const domain = outputs.domain_name;
  if (domain !== null && outputs.certificate_arn === null) {
    throw new DeployError('terraform output domain_name is set but certificate_arn is not: run terraform apply again');
  }
  const observability = observabilityOutputs(outputs);
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace,
    resources: [k8s('base')],
    components: [
      k8s('components/eks'),
      ...(domain === null ? [k8s('components/plain-http')] : []),
      ...(observability === null ? [] : [k8s('components/observability')]),
    ],
    images: EKS_APPS.map((app) => ({
      name: `mysfits/${app}`,
      newName: entryOf(outputs, 'ecr_repository_urls', app),
      newTag: tag,
    })),
    configMapGenerator: [
      {
        name: 'mysfits-config',
        behavior: 'merge',
        literals: [
          `AWS_REGION=${outputs.region}`,
          `MYSFITS_TABLE=${outputs.mysfits_table_name}`,
          `LIKES_TABLE=${outputs.likes_table_name}`,
          // Any stable string both auth and the verifiers agree on; the public URL when there is one.
          `JWT_ISSUER=${domain === null ? `http://auth.${namespace}.svc.cluster.local/auth` : `https://${domain}/auth`}`,
        ],
      },
    ],
    patches: [
      ...ROLE_ACCOUNTS.map((account) =>
        serviceAccountRole(account, entryOf(outputs, 'service_account_role_arns', account)),
      ),
      ...(observability === null
        ? []
        : [
            serviceAccountRole(COLLECTOR_ACCOUNT, observability.roleArn),
            // A patch, not a merging generator: the overlay's generators run before its components add theirs.
            strategicMerge({
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: { name: 'otel-collector-settings' },
              data: { AWS_REGION: outputs.region, AMP_REMOTE_WRITE_URL: observability.remoteWriteUrl },
            }),
          ]),
      ...(domain === null ? [] : [strategicMerge(ingressWithDomain(domain, outputs.certificate_arn ?? ''))]),
      ...['alb-to-apps', 'postgres'].map((policy) => vpcCidrPatch(policy, outputs.vpc_cidr)),
      ...DATABASES.map((database) => strategicMerge(serviceDatabase(outputs, database))),
      strategicMerge(databaseRolesJob(outputs)),
    ],
  };
}

/** Writes the environment's kustomization.yaml, with a header saying where it comes from. */
export function writeOverlay(overlayDir: string, kustomization: Record<string, unknown>, command: string): string {
  mkdirSync(overlayDir, { recursive: true });
  const file = join(overlayDir, 'kustomization.yaml');
  writeFileSync(
    file,
    `# Written by \`${command}\` from the terraform outputs. Do not edit: run it again.\n${stringify(kustomization)}`,
  );
  return file;
}

function baseNamespace(repoRoot: string): string {
  const base = parse(readFileSync(join(repoRoot, 'k8s', 'base', 'kustomization.yaml'), 'utf8')) as {
    namespace: string;
  };
  return base.namespace;
}

function strategicMerge(patch: Record<string, unknown>) {
  return { patch: stringify(patch) };
}

function serviceAccountRole(account: string, roleArn: string) {
  return strategicMerge({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: account, annotations: { 'eks.amazonaws.com/role-arn': roleArn } },
  });
}

/** The values of k8s/components/observability, or null when Terraform created no observability (both outputs null). */
function observabilityOutputs(outputs: DeployOutputs): { roleArn: string; remoteWriteUrl: string } | null {
  const { collector_role_arn: roleArn, prometheus_remote_write_url: remoteWriteUrl } = outputs;
  if (roleArn === null && remoteWriteUrl === null) return null;
  if (roleArn === null || remoteWriteUrl === null) {
    throw new DeployError(
      'terraform outputs collector_role_arn and prometheus_remote_write_url are not both set: run terraform apply again',
    );
  }
  return { roleArn, remoteWriteUrl };
}

function ingressWithDomain(domain: string, certificateArn: string) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'mysfits',
      annotations: {
        'alb.ingress.kubernetes.io/certificate-arn': certificateArn,
        // ExternalDNS (terraform/modules/domain) points this name at the ALB.
        'external-dns.alpha.kubernetes.io/hostname': domain,
      },
    },
  };
}

/** The ALB's interfaces and RDS have addresses in the VPC. */
function vpcCidrPatch(policy: string, cidr: string) {
  const path = policy === 'postgres' ? '/spec/egress/0/to/0/ipBlock/cidr' : '/spec/ingress/0/from/0/ipBlock/cidr';
  return { target: { kind: 'NetworkPolicy', name: policy }, patch: stringify([{ op: 'replace', path, value: cidr }]) };
}

function databaseOutputs(outputs: DeployOutputs, database: Database) {
  return {
    host: outputs[`${database.outputs}_endpoint`],
    name: outputs[`${database.outputs}_name`],
    role: outputs[`${database.outputs}_service_role`],
    secretArn: outputs[`${database.outputs}_secret_arn`],
  };
}

/** The service's DATABASE_URL: its own role, no password (an IAM token is signed per connection). */
function serviceDatabase(outputs: DeployOutputs, database: Database) {
  const { host, name, role } = databaseOutputs(outputs, database);
  const url = `postgres://${encodeURIComponent(role)}@${host}:${outputs.db_port}/${encodeURIComponent(name)}?sslmode=verify-full`;
  const env = [{ name: 'DATABASE_URL', value: url }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: database.service },
    spec: {
      template: { spec: { initContainers: [{ name: 'migrate', env }], containers: [{ name: database.service, env }] } },
    },
  };
}

function databaseRolesJob(outputs: DeployOutputs) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'database-roles' },
    spec: {
      template: {
        spec: {
          containers: DATABASES.map((database) => {
            const { host, name, role, secretArn } = databaseOutputs(outputs, database);
            return {
              name: database.container,
              env: [
                { name: 'DATABASE_HOST', value: host },
                { name: 'DATABASE_PORT', value: String(outputs.db_port) },
                { name: 'DATABASE_NAME', value: name },
                { name: 'DATABASE_SERVICE_ROLE', value: role },
                { name: 'DATABASE_ADMIN_SECRET_ARN', value: secretArn },
              ],
            };
          }),
        },
      },
    },
  };
}
