import { checkIrsaTrust, checkNoWildcards, checkPoliciesAreDocuments, type IrsaRole } from './support/iam';
import { XRAY_POLICIES } from './support/observability';
import { loadDevStack } from './support/paths';
import type { Instance } from './support/stack';

// The controller's published policy: Describe calls and creations of resources that do not exist
// yet cannot name an ARN, so it scopes them with tag conditions instead.
const PUBLISHED_POLICY = 'module.alb_controller.data.aws_iam_policy_document.controller';

describe('IAM of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('writes every policy with aws_iam_policy_document', () => {
    const result = checkPoliciesAreDocuments(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(13);
  });

  it('grants no wildcard action anywhere and no "*" resource outside the controller and X-Ray policies', () => {
    const result = checkNoWildcards(stack, [PUBLISHED_POLICY, ...XRAY_POLICIES]);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(150);
  });

  it('lets exactly the controller, the monolith and the collector service accounts assume a role', () => {
    const result = checkIrsaTrust(stack);
    expect(result.problems).toEqual([]);
    expect(result.roles.map(({ role, subject }: IrsaRole) => [role.address, subject]).sort()).toEqual([
      [
        'module.alb_controller.module.irsa.aws_iam_role.this',
        'system:serviceaccount:kube-system:aws-load-balancer-controller',
      ],
      ['module.monolith_irsa.aws_iam_role.this', 'system:serviceaccount:mysfits:monolith'],
      ['module.observability.module.collector_irsa.aws_iam_role.this', 'system:serviceaccount:mysfits:otel-collector'],
    ]);
  });
});
