import { evaluate, render, type Value } from './evaluate';
import { Findings, type CheckResult } from './findings';
import { blocks, type HclObject } from './hcl';
import { dataOfType, resourcesOfType, type Instance, type Located } from './stack';
import { trace, traceTo, type Origin } from './trace';

const POLICY_DOCUMENT = 'data.aws_iam_policy_document';
const SERVICE_ACCOUNT_SUBJECT = /^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$/;
// Attributes that hold a policy JSON, by resource type.
const POLICY_ATTRIBUTES: Record<string, string> = {
  aws_iam_role: 'assume_role_policy',
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
};

export interface Statement {
  document: Located;
  body: HclObject;
}

export function statements(document: Located): Statement[] {
  return blocks(document.body.statement).map((body) => ({ document, body }));
}

export function listOf(statement: Statement, attribute: string): Value[] {
  const value = render({ instance: statement.document.instance }, statement.body[attribute] ?? null);
  return Array.isArray(value) ? value : [value];
}

/**
 * No wildcard in any action, no NotAction/NotResource/NotPrincipal, no `*` principal, and a bare
 * `*` resource only in the documents listed (the AWS Load Balancer Controller's published policy).
 */
export function checkNoWildcards(root: Instance, documentsAllowedStarResource: readonly string[] = []): CheckResult {
  const findings = new Findings();
  const documents = dataOfType(root, 'aws_iam_policy_document');
  findings.expect(documents.length > 0, 'no aws_iam_policy_document');
  for (const document of documents) {
    for (const statement of statements(document)) {
      const where = `${document.address} statement ${JSON.stringify(statement.body.sid ?? statement.body.actions)}`;
      for (const negated of ['not_actions', 'not_resources', 'not_principals']) {
        findings.expect(!(negated in statement.body), `${where} uses ${negated}`);
      }
      for (const action of 'actions' in statement.body ? listOf(statement, 'actions') : []) {
        findings.expect(
          typeof action === 'string' && !action.includes('*'),
          `${where} grants wildcard action ${String(action)}`,
        );
      }
      if (!documentsAllowedStarResource.includes(document.address)) {
        for (const resource of listOf(statement, 'resources')) {
          findings.expect(resource !== '*', `${where} applies to every resource ("*")`);
        }
      }
      for (const principal of blocks(statement.body.principals)) {
        const identifiers = render({ instance: document.instance }, principal.identifiers ?? null);
        findings.expect(!JSON.stringify(identifiers).includes('"*"'), `${where} trusts any principal ("*")`);
      }
    }
  }
  return findings;
}

/** Every role trust policy and permission policy is the json of an aws_iam_policy_document. */
export function checkPoliciesAreDocuments(root: Instance): CheckResult {
  const findings = new Findings();
  for (const [type, attribute] of Object.entries(POLICY_ATTRIBUTES)) {
    for (const item of resourcesOfType(root, type)) {
      const origins = trace({ instance: item.instance }, item.body[attribute], item.body);
      findings.expect(
        origins.length > 0 && origins.every((origin) => origin.type === POLICY_DOCUMENT),
        `${item.address}.${attribute} is not built with aws_iam_policy_document`,
      );
    }
  }
  return findings;
}

export interface IrsaRole {
  role: Located;
  subject: string;
}

/**
 * Every role assumable with a web identity trusts the cluster's OIDC provider for exactly one
 * service account, with StringEquals on both `sub` and `aud`.
 */
export function checkIrsaTrust(root: Instance): CheckResult & { roles: IrsaRole[] } {
  const findings = new Findings();
  const roles: IrsaRole[] = [];
  for (const role of resourcesOfType(root, 'aws_iam_role')) {
    for (const document of traceTo(role, role.body.assume_role_policy, POLICY_DOCUMENT)) {
      for (const statement of statements(document).filter(isWebIdentity)) {
        const subject = checkWebIdentityStatement(findings, role, statement);
        if (subject) roles.push({ role, subject });
      }
    }
  }
  findings.expect(roles.length > 0, 'no IRSA role');
  return { checked: findings.checked, problems: findings.problems, roles };
}

function isWebIdentity(statement: Statement): boolean {
  return listOf(statement, 'actions').includes('sts:AssumeRoleWithWebIdentity');
}

function checkWebIdentityStatement(findings: Findings, role: Located, statement: Statement): string | undefined {
  const { document } = statement;
  const scope = { instance: document.instance };
  const federated = blocks(statement.body.principals).filter((principal) => principal.type === 'Federated');
  findings.expect(
    federated.length === 1 &&
      traceTo(document, federated[0].identifiers, 'aws_iam_openid_connect_provider').length === 1,
    `${role.address} is not trusted through the cluster's OIDC provider`,
  );
  const condition = (claim: string): HclObject | undefined =>
    blocks(statement.body.condition).find((item) => String(render(scope, item.variable ?? null)).endsWith(`:${claim}`));
  const sub = condition('sub');
  const aud = condition('aud');
  for (const [claim, item] of [
    ['sub', sub],
    ['aud', aud],
  ] as const) {
    findings.expect(
      item !== undefined &&
        item.test === 'StringEquals' &&
        traceTo(document, item.variable, 'aws_iam_openid_connect_provider').length === 1,
      `${role.address} has no StringEquals condition on the OIDC provider's ${claim} claim`,
    );
  }
  findings.expect(
    JSON.stringify(evaluate(scope, aud?.values ?? null)) === '["sts.amazonaws.com"]',
    `${role.address} accepts tokens for audiences other than sts.amazonaws.com`,
  );
  const subjects = evaluate(scope, sub?.values ?? null);
  const subject = Array.isArray(subjects) && subjects.length === 1 ? subjects[0] : undefined;
  const exact = typeof subject === 'string' && SERVICE_ACCOUNT_SUBJECT.test(subject);
  findings.expect(
    exact,
    `${role.address} is not limited to one known service account (got ${JSON.stringify(subjects)})`,
  );
  return exact ? subject : undefined;
}

/** The policy documents granting a role its permissions, through managed or inline policies. */
export function permissionDocuments(root: Instance, role: Located): Origin[] {
  const ofRole = (item: Located): boolean =>
    traceTo(item, item.body.role, 'aws_iam_role').some((origin) => origin.address === role.address);
  const managed = resourcesOfType(root, 'aws_iam_role_policy_attachment')
    .filter(ofRole)
    .flatMap((attachment) => traceTo(attachment, attachment.body.policy_arn, 'aws_iam_policy'))
    .flatMap((policy) => traceTo(policy, policy.body.policy, POLICY_DOCUMENT));
  const inline = resourcesOfType(root, 'aws_iam_role_policy')
    .filter(ofRole)
    .flatMap((policy) => traceTo(policy, policy.body.policy, POLICY_DOCUMENT));
  return [...managed, ...inline];
}
