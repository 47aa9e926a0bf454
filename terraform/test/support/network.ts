import { isValueObject, render } from './evaluate';
import { Findings, type CheckResult } from './findings';
import { blocks, type HclObject, type HclValue } from './hcl';
import { resourcesOfType, valueOf, type Instance, type Located } from './stack';
import { traceTo } from './trace';

export type SubnetRole = 'public' | 'private';

const ROLE_TAGS: Record<SubnetRole, string> = {
  public: 'kubernetes.io/role/elb',
  private: 'kubernetes.io/role/internal-elb',
};
const CLUSTER_TAG = 'kubernetes.io/cluster/';
const ANYWHERE = '0.0.0.0/0';

/** A subnet's role, read from the tag the AWS Load Balancer Controller discovers it by. */
export function subnetRole(subnet: Located): SubnetRole | undefined {
  const tags = render({ instance: subnet.instance }, subnet.body.tags ?? null);
  if (!isValueObject(tags)) return undefined;
  const roles = (Object.keys(ROLE_TAGS) as SubnetRole[]).filter((role) => tags[ROLE_TAGS[role]] === '1');
  return roles.length === 1 ? roles[0] : undefined;
}

/**
 * Subnet tags: each subnet is public (role/elb) or private (role/internal-elb), and all carry
 * kubernetes.io/cluster/<name> = shared for every EKS cluster of the stack.
 */
export function checkSubnetTags(root: Instance): CheckResult {
  const findings = new Findings();
  const clusterNames = resourcesOfType(root, 'aws_eks_cluster').map((cluster) => valueOf(cluster, cluster.body.name));
  for (const subnet of resourcesOfType(root, 'aws_subnet')) {
    findings.expect(
      subnetRole(subnet) !== undefined,
      `${subnet.address} has neither ${ROLE_TAGS.public} = 1 nor ${ROLE_TAGS.private} = 1`,
    );
    const tags = render({ instance: subnet.instance }, subnet.body.tags ?? null);
    const clusterTags = isValueObject(tags) ? Object.entries(tags).filter(([key]) => key.startsWith(CLUSTER_TAG)) : [];
    findings.expect(
      clusterTags.length > 0 && clusterTags.every(([, value]) => value === 'shared'),
      `${subnet.address} is not tagged ${CLUSTER_TAG}<cluster> = shared`,
    );
    for (const name of clusterNames) {
      findings.expect(
        clusterTags.some(([key]) => key === `${CLUSTER_TAG}${String(name)}`),
        `${subnet.address} is not tagged for cluster ${String(name)}`,
      );
    }
  }
  return findings;
}

/**
 * Every private subnet is associated with a route table whose default route goes through a NAT
 * gateway, for every key of the subnet's for_each, and NAT gateways sit in public subnets.
 */
export function checkNatPaths(root: Instance): CheckResult {
  const findings = new Findings();
  for (const subnet of resourcesOfType(root, 'aws_subnet').filter((item) => subnetRole(item) === 'private')) {
    const associations = resourcesOfType(root, 'aws_route_table_association').filter((association) =>
      traceTo(association, association.body.subnet_id, 'aws_subnet').some(
        (origin) => origin.address === subnet.address,
      ),
    );
    findings.expect(associations.length > 0, `${subnet.address} is associated with no route table`);
    for (const association of associations) {
      findings.expect(
        sameKeys(association, subnet),
        `${association.address} does not cover every ${subnet.address} (different for_each/count)`,
      );
      for (const table of traceTo(association, association.body.route_table_id, 'aws_route_table')) {
        checkNatRoute(root, findings, association, table);
      }
    }
  }
  for (const nat of resourcesOfType(root, 'aws_nat_gateway')) {
    const subnets = traceTo(nat, nat.body.subnet_id, 'aws_subnet');
    findings.expect(
      subnets.length > 0 && subnets.every((subnet) => subnetRole(subnet) === 'public'),
      `${nat.address} is not in a public subnet`,
    );
  }
  return findings;
}

function checkNatRoute(root: Instance, findings: Findings, association: Located, table: Located): void {
  if (isExpanded(table)) {
    findings.expect(
      indexedByEachKey(association.body.route_table_id, table) && sameKeys(table, association),
      `${association.address} does not pick the route table of its own AZ (${table.address}[each.key])`,
    );
  }
  const gateways = defaultRoutes(root, table).flatMap(({ route, holder }) =>
    traceTo(holder, route.nat_gateway_id, 'aws_nat_gateway').map((nat) => ({ nat, route })),
  );
  findings.expect(
    gateways.length > 0,
    `${table.address} has no ${ANYWHERE} route through a NAT gateway: nodes there cannot join`,
  );
  for (const { nat, route } of gateways) {
    findings.expect(
      indexedByEachKey(route.nat_gateway_id, nat) && sameKeys(nat, table),
      `${table.address} routes to a NAT gateway of another AZ`,
    );
  }
}

/** Inline `route` blocks and aws_route resources of a route table with destination 0.0.0.0/0. */
function defaultRoutes(root: Instance, table: Located): { route: HclObject; holder: Located }[] {
  const inline = blocks(table.body.route)
    .filter((route) => route.cidr_block === ANYWHERE)
    .map((route) => ({ route, holder: table }));
  const separate = resourcesOfType(root, 'aws_route')
    .filter((route) => route.body.destination_cidr_block === ANYWHERE)
    .filter((route) =>
      traceTo(route, route.body.route_table_id, 'aws_route_table').some((t) => t.address === table.address),
    )
    .map((route) => ({ route: route.body, holder: route }));
  return [...inline, ...separate];
}

/**
 * Whether two blocks expand over the same keys: identical for_each text, or a for_each over the
 * other resource itself (`for_each = aws_subnet.private`), or neither expands.
 */
function sameKeys(consumer: Located, producer: Located): boolean {
  return keySource(consumer) === keySource(producer);
}

function keySource(item: Located): string {
  if (!isExpanded(item)) return 'single';
  const forEach = item.body.for_each ?? item.body.count;
  const resource = /^\$\{([a-z0-9_]+\.[a-z0-9_]+)\}$/.exec(String(forEach));
  const target = resource && item.instance.module.resources.get(resource[1]);
  return target ? keySource({ ...item, body: target }) : String(forEach);
}

function isExpanded(item: Located): boolean {
  return item.body.for_each !== undefined || item.body.count !== undefined;
}

/** A reference to an expanded resource must select the element of the current key. */
function indexedByEachKey(expression: HclValue | undefined, target: Located): boolean {
  if (!isExpanded(target)) return true;
  const localAddress = target.address.split('.').slice(-2).join('.');
  return String(expression).includes(`${localAddress}[each.key]`);
}

/** Flow logs of all traffic, a default security group with no rules, DynamoDB and S3 gateway endpoints. */
export function checkVpcGuards(root: Instance): CheckResult {
  const findings = new Findings();
  const privateTables = privateRouteTables(root);
  for (const vpc of resourcesOfType(root, 'aws_vpc')) {
    const ofVpc = (type: string): Located[] =>
      resourcesOfType(root, type).filter((item) =>
        traceTo(item, item.body.vpc_id, 'aws_vpc').some((v) => v.address === vpc.address),
      );
    findings.expect(
      ofVpc('aws_flow_log').some((log) => valueOf(log, log.body.traffic_type) === 'ALL'),
      `${vpc.address} has no flow log of ALL traffic`,
    );
    const defaultGroups = ofVpc('aws_default_security_group');
    findings.expect(
      defaultGroups.length === 1 && !('ingress' in defaultGroups[0].body) && !('egress' in defaultGroups[0].body),
      `${vpc.address} has no aws_default_security_group stripped of all rules`,
    );
    for (const service of ['dynamodb', 's3']) {
      const endpoints = ofVpc('aws_vpc_endpoint').filter((endpoint) => isGatewayFor(endpoint, service));
      findings.expect(endpoints.length > 0, `${vpc.address} has no ${service} gateway endpoint`);
      for (const endpoint of endpoints) {
        const tables = new Set(
          traceTo(endpoint, endpoint.body.route_table_ids, 'aws_route_table').map((t) => t.address),
        );
        findings.expect(
          privateTables.length > 0 && privateTables.every((table) => tables.has(table)),
          `${endpoint.address} (${service}) is not attached to every private route table`,
        );
      }
    }
  }
  return findings;
}

function isGatewayFor(endpoint: Located, service: string): boolean {
  if (valueOf(endpoint, endpoint.body.vpc_endpoint_type) !== 'Gateway') return false;
  const keys = endpoint.body.for_each === undefined ? [undefined] : (forEachKeys(endpoint) ?? []);
  return keys.some((key) => {
    const each = key === undefined ? undefined : { key, value: key };
    const name = render({ instance: endpoint.instance, each }, endpoint.body.service_name ?? null);
    return typeof name === 'string' && name.endsWith(`.${service}`);
  });
}

function forEachKeys(item: Located): string[] | undefined {
  const value = valueOf(item, item.body.for_each);
  if (Array.isArray(value)) return value.map(String);
  return isValueObject(value) ? Object.keys(value) : undefined;
}

function privateRouteTables(root: Instance): string[] {
  const privateSubnets = new Set(
    resourcesOfType(root, 'aws_subnet')
      .filter((subnet) => subnetRole(subnet) === 'private')
      .map((subnet) => subnet.address),
  );
  return resourcesOfType(root, 'aws_route_table_association')
    .filter((association) =>
      traceTo(association, association.body.subnet_id, 'aws_subnet').some((subnet) =>
        privateSubnets.has(subnet.address),
      ),
    )
    .flatMap((association) => traceTo(association, association.body.route_table_id, 'aws_route_table'))
    .map((table) => table.address);
}
