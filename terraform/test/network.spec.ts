import { checkNatPaths, checkSubnetTags, checkVpcGuards, subnetRole } from './support/network';
import { loadDevStack } from './support/paths';
import { resourcesOfType, type Instance } from './support/stack';

describe('network of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('has public and private subnets', () => {
    const roles = resourcesOfType(stack, 'aws_subnet').map(subnetRole);
    expect(roles.sort()).toEqual(['private', 'public']);
  });

  it('tags subnets for the load balancer controller and the cluster', () => {
    const result = checkSubnetTags(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(6);
  });

  it('gives every private subnet a route through the NAT gateway of its AZ', () => {
    const result = checkNatPaths(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThanOrEqual(6);
  });

  it('logs flows, locks the default security group and keeps DynamoDB and S3 traffic in the VPC', () => {
    const result = checkVpcGuards(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(6);
  });
});
