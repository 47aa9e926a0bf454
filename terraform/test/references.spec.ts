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
        'module.monolith_irsa',
        'module.postgres["auth"]',
        'module.postgres["app"]',
        'module.ecr',
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
