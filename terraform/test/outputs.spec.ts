import type { z } from 'zod';
import { deployOutputsSchema } from '../../tools/deploy/terraform-outputs';
import { loadDevStack } from './support/paths';
import type { Instance } from './support/stack';
import { trace } from './support/trace';

/** Outputs for people rather than for the deploy command (the deploy workflow reads the CI role; Grafana's address is to open). */
const OUTPUTS_FOR_PEOPLE = ['alb_controller_role_arn', 'ci_role_arn', 'grafana_url'];

/** Terraform's conversion function that makes an output's type visible, by the type the deploy expects. */
const CONVERSION = { string: 'tostring', number: 'tonumber', record: 'tomap' } as const;

function expectedType(schema: z.ZodType): { conversion: string; nullable: boolean } {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType };
  const nullable = def.type === 'nullable';
  const type = (nullable ? def.innerType!._zod.def.type : def.type) as keyof typeof CONVERSION;
  return { conversion: CONVERSION[type], nullable };
}

describe('outputs of envs/dev, as the deploy command reads them', () => {
  let stack: Instance;
  const read = Object.entries(deployOutputsSchema.shape);

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('declares every output the deploy reads, and nothing else it does not explain', () => {
    const declared = [...stack.module.outputs.keys()].sort();
    expect(declared).toEqual([...read.map(([name]) => name), ...OUTPUTS_FOR_PEOPLE].sort());
  });

  it.each(read)('declares %s with the type the deploy expects', (name, schema) => {
    const value = String(stack.module.outputs.get(name)?.value);
    const { conversion, nullable } = expectedType(schema);
    expect(value.startsWith(`\${${conversion}(`)).toBe(true);
    // A module called with count yields one() of its instances: null when it is not created.
    expect(value.includes('one(module.')).toBe(nullable);
  });

  // (Outputs built with a for expression or a splat are beyond the offline evaluator.)
  it.each([
    ['alb_controller_role_arn', 'aws_iam_role'],
    ['mysfits_table_name', 'aws_dynamodb_table'],
    ['likes_table_name', 'aws_dynamodb_table'],
    ['auth_db_endpoint', 'aws_db_instance'],
    ['app_db_endpoint', 'aws_db_instance'],
    ['auth_db_secret_arn', 'aws_db_instance'],
    ['ecr_repository_urls', 'aws_ecr_repository'],
    ['cluster_name', 'aws_eks_cluster'],
    ['cluster_endpoint', 'aws_eks_cluster'],
    ['vpc_cidr', 'aws_vpc'],
  ])('%s comes from an %s', (output, type) => {
    const origins = trace({ instance: stack }, stack.module.outputs.get(output)?.value);
    expect(origins.map((origin) => origin.type)).toEqual([type]);
  });

  it('points the two database endpoints at different instances', () => {
    const [auth, app] = ['auth_db_endpoint', 'app_db_endpoint'].map((output) =>
      trace({ instance: stack }, stack.module.outputs.get(output)?.value).map((origin) => origin.address),
    );
    expect(auth).toEqual(['module.postgres["auth"].aws_db_instance.this']);
    expect(app).toEqual(['module.postgres["app"].aws_db_instance.this']);
  });
});
