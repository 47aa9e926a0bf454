import { checkModuleCalls } from './support/module-calls';
import { loadDevStack } from './support/paths';
import { checkReferences } from './support/references';
import { allInstances, type Instance } from './support/stack';

describe('references and module calls of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('instantiates every module the environment calls', () => {
    expect(allInstances(stack).map((instance) => instance.address)).toEqual(
      expect.arrayContaining([
        'module.network',
        'module.eks',
        'module.alb_controller',
        'module.alb_controller.module.irsa',
        'module.dynamodb',
        'module.postgres["auth"]',
        'module.postgres["app"]',
        'module.service_account_roles["auth"]',
        'module.service_account_roles["monolith"]',
        'module.service_account_roles["database-admin"]',
        'module.service_account_roles["legacy-split"]',
        'module.ecr',
        'module.domain',
        'module.domain.module.external_dns_irsa',
        'module.github_ci',
      ]),
    );
  });

  it('resolves every reference to something declared', () => {
    const result = checkReferences(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(200);
  });

  it('passes every required variable and only declared ones', () => {
    const result = checkModuleCalls(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(40);
  });
});
