import { z } from 'zod';
import { DeployError } from './deploy-error';

const text = z.string().min(1);
const map = z.record(z.string(), text);

/**
 * Every `terraform output` the deploy reads, with the type it expects. terraform/envs/<env>/outputs.tf
 * declares each of them with that type (a test reads both). Nullable ones may be absent: Terraform leaves
 * null outputs out of `terraform output -json`.
 */
export const deployOutputsSchema = z.object({
  region: text,
  cluster_name: text,
  cluster_endpoint: z.url({ protocol: /^https$/ }),
  k8s_namespace: text,
  vpc_cidr: z.cidrv4(),
  service_account_role_arns: map,
  mysfits_table_name: text,
  likes_table_name: text,
  auth_db_endpoint: text,
  auth_db_name: text,
  auth_db_service_role: text,
  auth_db_secret_arn: text,
  app_db_endpoint: text,
  app_db_name: text,
  app_db_service_role: text,
  app_db_secret_arn: text,
  db_port: z.number().int().positive(),
  ecr_repository_urls: map,
  ecr_registry: text,
  domain_name: text.nullable(),
  certificate_arn: text.nullable(),
  // Set only with observability_enabled (envs/dev/observability.tf): the values of k8s/components/observability.
  collector_role_arn: text.nullable(),
  prometheus_remote_write_url: z.url({ protocol: /^https$/ }).nullable(),
});

export type DeployOutputs = z.output<typeof deployOutputsSchema>;

/** `terraform output -json`: each output's value, with its type and whether it is sensitive. */
const outputDocument = z.record(z.string(), z.object({ value: z.unknown() }).loose());

/** The outputs the deploy needs, from a `terraform output -json` document; one line naming what is wrong. */
export function parseTerraformOutputs(json: string, source: string): DeployOutputs {
  let document: z.output<typeof outputDocument>;
  try {
    document = outputDocument.parse(JSON.parse(json));
  } catch {
    throw new DeployError(`${source} is not a terraform output -json document`);
  }
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [name, schema] of Object.entries(deployOutputsSchema.shape)) {
    if (name in document) values[name] = document[name].value;
    else if (schema.safeParse(null).success) values[name] = null;
    else missing.push(name);
  }
  if (missing.length > 0) {
    throw new DeployError(
      `${source} lacks the output${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: run terraform apply first`,
    );
  }
  const result = deployOutputsSchema.safeParse(values);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message.toLowerCase()}`);
    throw new DeployError(`${source} has unexpected outputs: ${problems.join('; ')}`);
  }
  return result.data;
}

/** The output's value, or a one-line error naming the missing key. */
export function entryOf(
  outputs: DeployOutputs,
  output: 'service_account_role_arns' | 'ecr_repository_urls',
  key: string,
): string {
  const entries = outputs[output];
  if (!Object.hasOwn(entries, key)) throw new DeployError(`terraform output ${output} has no entry "${key}"`);
  return entries[key];
}
