import {
  checkGithubTrust,
  checkIrsaTrust,
  checkNoWildcards,
  checkPoliciesAreDocuments,
  type WebIdentityRole,
} from './support/iam';
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
    expect(result.checked).toBe(23);
  });

  it('grants no wildcard action anywhere, and "*" as a resource only in the controller and X-Ray policies or to actions without a resource type', () => {
    const result = checkNoWildcards(stack, [PUBLISHED_POLICY, ...XRAY_POLICIES]);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(150);
  });

  it('lets exactly the controller, ExternalDNS, the collector and the service accounts that call AWS assume a role', () => {
    const result = checkIrsaTrust(stack);
    expect(result.problems).toEqual([]);
    expect(result.roles.map(({ role, subject }: WebIdentityRole) => [role.address, subject]).sort()).toEqual([
      [
        'module.alb_controller.module.irsa.aws_iam_role.this',
        'system:serviceaccount:kube-system:aws-load-balancer-controller',
      ],
      ['module.domain.module.external_dns_irsa.aws_iam_role.this', 'system:serviceaccount:kube-system:external-dns'],
      ['module.observability.module.collector_irsa.aws_iam_role.this', 'system:serviceaccount:mysfits:otel-collector'],
      ['module.service_account_roles["auth"].aws_iam_role.this', 'system:serviceaccount:mysfits:auth'],
      [
        'module.service_account_roles["database-admin"].aws_iam_role.this',
        'system:serviceaccount:mysfits:database-admin',
      ],
      ['module.service_account_roles["legacy-split"].aws_iam_role.this', 'system:serviceaccount:mysfits:legacy-split'],
      ['module.service_account_roles["monolith"].aws_iam_role.this', 'system:serviceaccount:mysfits:monolith'],
    ]);
  });

  it('lets GitHub Actions assume the deploy role only from the main branch of one repository', () => {
    const result = checkGithubTrust(stack);
    expect(result.problems).toEqual([]);
    expect(result.roles.map(({ role, subject }) => [role.address, subject])).toEqual([
      ['module.github_ci.aws_iam_role.this', 'repo:${var.repository}:ref:refs/heads/main'],
    ]);
  });
});
