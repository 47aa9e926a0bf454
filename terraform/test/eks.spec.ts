import { checkClusters, checkCompute } from './support/eks';
import { loadDevStack } from './support/paths';
import type { Instance } from './support/stack';

describe('EKS of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('logs, encrypts, stays private and offers IRSA', () => {
    const result = checkClusters(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(7);
  });

  it('runs nodes and Fargate pods in private subnets with IMDSv2 only', () => {
    const result = checkCompute(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(4);
  });
});
