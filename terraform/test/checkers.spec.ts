import { mysfitsTableDefinition } from '@app/mysfits-data';
import { checkLoadBalancerController } from './support/alb-controller';
import { checkDocumented, checkFilesPresent, checkVariablesUsed, checkVersionPins } from './support/conventions';
import { checkDatabases, checkRepositories, checkTableAccessPolicy, checkTables } from './support/data-stores';
import { shapeOfApp, shapeOfTerraform } from './support/dynamodb-schema';
import { checkClusters, checkCompute } from './support/eks';
import type { CheckResult } from './support/findings';
import { checkIrsaTrust, checkNoWildcards, checkPoliciesAreDocuments } from './support/iam';
import { checkModuleCalls } from './support/module-calls';
import { checkNatPaths, checkSubnetTags, checkVpcGuards } from './support/network';
import { loadFixture } from './support/paths';
import { checkReferences } from './support/references';
import { dataOfType, resourcesOfType, type Instance } from './support/stack';

type Checker = (stack: Instance) => CheckResult;

/** Each broken fixture must produce exactly the listed problems, each found by its message. */
const CASES: [fixture: string, checker: Checker, problems: string[]][] = [
  [
    'unresolved-references',
    checkReferences,
    ['aws_vpc.missing.id', 'var.undeclared', 'local.nope', 'module.child.not_an_output', 'each.key'],
  ],
  [
    'bad-module-calls',
    checkModuleCalls,
    ['does not pass required variable required', 'passes unknown', 'needs an exact version', 'no module at ./nowhere'],
  ],
  [
    'undocumented',
    (stack) => checkDocumented(stack.module),
    ['variable untyped has no type', 'variable silent has no description', 'output bare has no description'],
  ],
  ['undocumented', (stack) => checkVersionPins(stack.module), ['required_version', 'provider aws']],
  ['undocumented', (stack) => checkVariablesUsed(stack.module), ['variable silent is never used']],
  ['undocumented', (stack) => checkFilesPresent(stack.module.dir, ['main.tf', 'README.md']), ['README.md is missing']],
  [
    'network-broken',
    checkSubnetTags,
    ['aws_subnet.public has neither', 'aws_subnet.public is not tagged kubernetes.io/cluster/'],
  ],
  ['network-broken', checkNatPaths, ['aws_route_table.private has no 0.0.0.0/0 route through a NAT gateway']],
  [
    'network-broken',
    checkVpcGuards,
    ['no flow log', 'no aws_default_security_group stripped', 'no dynamodb gateway endpoint', 'no s3 gateway endpoint'],
  ],
  [
    'nat-wrong-zone',
    checkNatPaths,
    ['routes to a NAT gateway of another AZ', 'aws_nat_gateway.this is not in a public subnet'],
  ],
  [
    'eks-broken',
    checkClusters,
    [
      'every control-plane log type',
      'KMS key that rotates',
      'aws_eks_cluster.this is not placed in private subnets',
      'no private endpoint',
      'public endpoint open',
      'no IAM OIDC provider',
    ],
  ],
  ['eks-broken', checkCompute, ['aws_eks_node_group.default is not placed in private subnets', 'IMDSv2']],
  [
    'iam-broken',
    (stack) => checkNoWildcards(stack),
    ['wildcard action dynamodb:*', 'every resource ("*")', 'uses not_actions'],
  ],
  [
    'iam-broken',
    checkPoliciesAreDocuments,
    ['aws_iam_role_policy.app.policy is not built with aws_iam_policy_document'],
  ],
  [
    'iam-broken',
    checkIrsaTrust,
    [
      'sub claim',
      'aud claim',
      'audiences other than sts.amazonaws.com',
      'not limited to one known service account',
      'no IRSA role',
    ],
  ],
  [
    'data-stores-broken',
    checkTables,
    ['no point-in-time recovery', 'customer-managed KMS key', 'no deletion protection'],
  ],
  [
    'data-stores-broken',
    (stack) => checkTableAccessPolicy(dataOfType(stack, 'aws_iam_policy_document')[0], ['dynamodb:GetItem']),
    [
      'grants access to arn:aws:dynamodb:us-east-1:123456789012:table/other',
      'on ${aws_dynamodb_table.items.arn} exceeds',
      '/index/Missing is not an index',
      '/index/Missing exceeds',
    ],
  ],
  [
    'data-stores-broken',
    checkDatabases,
    [
      'not encrypted at rest',
      'not explicitly private',
      'keeps no automated backups',
      'has no deletion protection',
      'manage the master password',
      'rds.force_ssl = 1',
      'not in private subnets only',
      'admits traffic from outside the EKS cluster security group',
    ],
  ],
  ['data-stores-broken', checkRepositories, ['mutable tags', 'does not scan on push']],
  [
    'alb-controller-broken',
    (stack) => checkLoadBalancerController(stack, []),
    ['chart version is not pinned', 'not given clusterName', 'not given vpcId', 'not annotated with an IRSA role'],
  ],
];

describe.each(CASES)('checker on fixtures/%s', (fixture, checker, expected) => {
  it(`reports ${expected.length} problem(s)`, async () => {
    const { problems } = checker(await loadFixture(fixture));
    for (const fragment of expected) {
      expect(problems.filter((problem) => problem.includes(fragment))).not.toHaveLength(0);
    }
    expect(problems).toHaveLength(expected.length);
  });
});

it('tells a drifted DynamoDB table from the app definition', async () => {
  const [table] = resourcesOfType(await loadFixture('dynamodb-schema-drift'), 'aws_dynamodb_table');
  const drifted = shapeOfTerraform(table);
  const app = shapeOfApp(mysfitsTableDefinition('Mysfits'));
  expect(drifted.key).toEqual(app.key);
  expect(drifted.indexes).not.toEqual(app.indexes);
  expect(drifted.attributes).not.toEqual(app.attributes);
});
