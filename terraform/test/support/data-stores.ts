import { Findings, type CheckResult } from './findings';
import { blocks } from './hcl';
import { listOf, statements } from './iam';
import { subnetRole } from './network';
import { resourcesOfType, valueOf, type Instance, type Located } from './stack';
import { traceTo } from './trace';

const KMS_TABLE_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];

/** Tables: point-in-time recovery, encryption with a rotating customer-managed KMS key, deletion protection. */
export function checkTables(root: Instance): CheckResult {
  const findings = new Findings();
  const tables = resourcesOfType(root, 'aws_dynamodb_table');
  findings.expect(tables.length > 0, 'no aws_dynamodb_table');
  for (const table of tables) {
    const [recovery] = blocks(table.body.point_in_time_recovery);
    findings.expect(valueOf(table, recovery?.enabled) === true, `${table.address} has no point-in-time recovery`);
    const [encryption] = blocks(table.body.server_side_encryption);
    const keys = traceTo(table, encryption?.kms_key_arn, 'aws_kms_key');
    findings.expect(
      valueOf(table, encryption?.enabled) === true && keys.length === 1 && rotates(keys[0]),
      `${table.address} is not encrypted with a customer-managed KMS key that rotates`,
    );
    findings.expect(
      valueOf(table, table.body.deletion_protection_enabled) === true,
      `${table.address} has no deletion protection`,
    );
  }
  return findings;
}

/** Resource (as written, `${aws_dynamodb_table.x.arn}/index/y`) => the actions the documents grant on it. */
export function grantsByResource(...documents: Located[]): Map<string, string[]> {
  const grants = new Map<string, string[]>();
  for (const statement of documents.flatMap(statements)) {
    const actions = listOf(statement, 'actions').map(String);
    for (const resource of listOf(statement, 'resources').map(String)) {
      grants.set(resource, [...(grants.get(resource) ?? []), ...actions].sort());
    }
  }
  return grants;
}

/**
 * A table access policy names only tables of its module, their declared indexes and their KMS
 * key, with DynamoDB actions from `allowedActions` and only the KMS actions DynamoDB needs.
 */
export function checkTableAccessPolicy(document: Located, allowedActions: readonly string[]): CheckResult {
  const findings = new Findings();
  const { module } = document.instance;
  for (const [resource, actions] of grantsByResource(document)) {
    const target = /^\$\{(aws_dynamodb_table|aws_kms_key)\.(\w+)\.arn\}(?:\/index\/(.+))?$/.exec(resource);
    const body = target ? module.resources.get(`${target[1]}.${target[2]}`) : undefined;
    findings.expect(target !== null && body !== undefined, `${document.address} grants access to ${resource}`);
    if (!target || !body) continue;
    const [, type, name, index] = target;
    const table = { instance: document.instance, address: `${type}.${name}`, body };
    if (type === 'aws_kms_key') {
      findings.expect(
        encryptsATable(document.instance, table.address),
        `${document.address}: ${resource} encrypts no table`,
      );
      findings.expect(
        actions.every((action) => KMS_TABLE_ACTIONS.includes(action)),
        `${document.address}: ${actions.join()} on ${resource}`,
      );
      continue;
    }
    if (index !== undefined) {
      const names = blocks(body.global_secondary_index).map((gsi) => valueOf(table, gsi.name));
      findings.expect(names.includes(index), `${document.address}: ${resource} is not an index of ${table.address}`);
    }
    findings.expect(
      actions.every((action) => allowedActions.includes(action)),
      `${document.address}: ${actions.join()} on ${resource} exceeds ${allowedActions.join()}`,
    );
  }
  findings.expect(findings.checked > 1, `${document.address} grants nothing`);
  return findings;
}

function encryptsATable(instance: Instance, keyAddress: string): boolean {
  return [...instance.module.resources]
    .filter(([address]) => address.startsWith('aws_dynamodb_table.'))
    .some(([address, body]) =>
      blocks(body.server_side_encryption).some((encryption) =>
        traceTo({ instance, address, body }, encryption.kms_key_arn, 'aws_kms_key').some((key) =>
          key.address.endsWith(keyAddress),
        ),
      ),
    );
}

/**
 * PostgreSQL instances: encrypted, private, backed up, deletion-protected, TLS enforced through
 * rds.force_ssl, credentials managed by RDS, reachable only from the EKS cluster security group.
 */
export function checkDatabases(root: Instance): CheckResult {
  const findings = new Findings();
  const databases = resourcesOfType(root, 'aws_db_instance');
  findings.expect(databases.length > 0, 'no aws_db_instance');
  for (const db of databases) {
    const value = (attribute: string): unknown => valueOf(db, db.body[attribute]);
    findings.expect(value('storage_encrypted') === true, `${db.address} is not encrypted at rest`);
    findings.expect(
      value('publicly_accessible') === false,
      `${db.address} is not explicitly private (publicly_accessible = false)`,
    );
    const retention = value('backup_retention_period');
    findings.expect(typeof retention === 'number' && retention >= 1, `${db.address} keeps no automated backups`);
    findings.expect(value('deletion_protection') === true, `${db.address} has no deletion protection`);
    findings.expect(
      value('manage_master_user_password') === true && !('password' in db.body),
      `${db.address} does not let RDS manage the master password (it would sit in the state)`,
    );
    findings.expect(forcesTls(db), `${db.address} does not use a parameter group with rds.force_ssl = 1`);
    const subnets = traceTo(db, db.body.db_subnet_group_name, 'aws_db_subnet_group').flatMap((group) =>
      traceTo(group, group.body.subnet_ids, 'aws_subnet'),
    );
    findings.expect(
      subnets.length > 0 && subnets.every((subnet) => subnetRole(subnet) === 'private'),
      `${db.address} is not in private subnets only`,
    );
    for (const group of traceTo(db, db.body.vpc_security_group_ids, 'aws_security_group')) {
      checkOnlyClusterIngress(root, findings, db, group);
    }
  }
  return findings;
}

function forcesTls(db: Located): boolean {
  return traceTo(db, db.body.parameter_group_name, 'aws_db_parameter_group').some((group) =>
    blocks(group.body.parameter).some(
      (parameter) => parameter.name === 'rds.force_ssl' && String(valueOf(group, parameter.value)) === '1',
    ),
  );
}

function checkOnlyClusterIngress(root: Instance, findings: Findings, db: Located, group: Located): void {
  findings.expect(!('ingress' in group.body), `${group.address} has inline ingress rules`);
  const rules = resourcesOfType(root, 'aws_vpc_security_group_ingress_rule').filter((rule) =>
    traceTo(rule, rule.body.security_group_id, 'aws_security_group').some((origin) => origin.address === group.address),
  );
  const legacyRules = resourcesOfType(root, 'aws_security_group_rule').filter((rule) =>
    traceTo(rule, rule.body.security_group_id, 'aws_security_group').some((origin) => origin.address === group.address),
  );
  findings.expect(
    legacyRules.length === 0,
    `${group.address} uses aws_security_group_rule; use aws_vpc_security_group_ingress_rule`,
  );
  findings.expect(rules.length > 0, `${db.address} cannot be reached at all`);
  for (const rule of rules) {
    const fromCluster = traceTo(rule, rule.body.referenced_security_group_id, 'aws_eks_cluster').length === 1;
    const fromAddresses = ['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id'].some((attribute) => attribute in rule.body);
    findings.expect(
      fromCluster && !fromAddresses,
      `${rule.address} admits traffic from outside the EKS cluster security group`,
    );
  }
}

function rotates(key: Located): boolean {
  return valueOf(key, key.body.enable_key_rotation) === true;
}

/** Repositories: immutable tags and a vulnerability scan of every pushed image. */
export function checkRepositories(root: Instance): CheckResult {
  const findings = new Findings();
  const repositories = resourcesOfType(root, 'aws_ecr_repository');
  findings.expect(repositories.length > 0, 'no aws_ecr_repository');
  for (const repository of repositories) {
    findings.expect(
      valueOf(repository, repository.body.image_tag_mutability) === 'IMMUTABLE',
      `${repository.address} has mutable tags`,
    );
    const [scanning] = blocks(repository.body.image_scanning_configuration);
    findings.expect(
      valueOf(repository, scanning?.scan_on_push) === true,
      `${repository.address} does not scan on push`,
    );
  }
  return findings;
}
