import { loadDevStack } from './support/paths';
import { trace } from './support/trace';

// What the EKS overlay and the README's deploy steps read from `terraform output`.
const OVERLAY_INPUTS = [
  'region',
  'cluster_name',
  'k8s_namespace',
  'monolith_role_arn',
  'alb_controller_role_arn',
  'mysfits_table_name',
  'likes_table_name',
  'auth_db_endpoint',
  'app_db_endpoint',
  'db_port',
  'auth_db_secret_arn',
  'app_db_secret_arn',
  'ecr_repository_urls',
  'ecr_registry',
  // k8s/components/observability, when observability_enabled (envs/dev/observability.tf).
  'collector_role_arn',
  'prometheus_remote_write_url',
  'grafana_url',
];

describe('outputs of envs/dev', () => {
  it('publishes everything the Kubernetes overlay needs', async () => {
    const stack = await loadDevStack();
    expect([...stack.module.outputs.keys()].sort()).toEqual([...OVERLAY_INPUTS].sort());
  });

  it.each([
    ['monolith_role_arn', 'aws_iam_role'],
    ['alb_controller_role_arn', 'aws_iam_role'],
    ['mysfits_table_name', 'aws_dynamodb_table'],
    ['likes_table_name', 'aws_dynamodb_table'],
    ['auth_db_endpoint', 'aws_db_instance'],
    ['app_db_endpoint', 'aws_db_instance'],
    ['ecr_repository_urls', 'aws_ecr_repository'],
    ['cluster_name', 'aws_eks_cluster'],
  ])('%s comes from an %s', async (output, type) => {
    const stack = await loadDevStack();
    const origins = trace({ instance: stack }, stack.module.outputs.get(output)?.value);
    expect(origins.map((origin) => origin.type)).toEqual([type]);
  });

  it('points the two database endpoints at different instances', async () => {
    const stack = await loadDevStack();
    const [auth, app] = ['auth_db_endpoint', 'app_db_endpoint'].map((output) =>
      trace({ instance: stack }, stack.module.outputs.get(output)?.value).map((origin) => origin.address),
    );
    expect(auth).toEqual(['module.postgres["auth"].aws_db_instance.this']);
    expect(app).toEqual(['module.postgres["app"].aws_db_instance.this']);
  });
});
