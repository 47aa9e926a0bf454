import { checkLoadBalancerController } from './support/alb-controller';
import { checkIrsaTrust } from './support/iam';
import { loadDevStack } from './support/paths';

describe('AWS Load Balancer Controller of envs/dev', () => {
  it('installs a pinned chart with the cluster name, VPC id and its own IRSA role', async () => {
    const stack = await loadDevStack();
    const result = checkLoadBalancerController(stack, checkIrsaTrust(stack).roles);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(5);
  });
});
