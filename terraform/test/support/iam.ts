import { evaluate, render, type Value } from './evaluate';
import { Findings, type CheckResult } from './findings';
import { blocks, type HclObject, type HclValue } from './hcl';
import { dataOfType, resourcesOfType, type Instance, type Located } from './stack';
import { trace, traceTo, type Origin } from './trace';

const POLICY_DOCUMENT = 'data.aws_iam_policy_document';
const SERVICE_ACCOUNT_SUBJECT = /^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$/;
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** One branch of one repository; the repository may still be a variable (`${var.repository}`), validated as owner/name. */
const GITHUB_BRANCH_SUBJECT = /^repo:([^*?:/$]+\/[^*?:/$]+|\$\{var\.\w+\}):ref:refs\/heads\/[^*?]+$/;
/**
 * Actions that the Service Authorization Reference lists with no resource type: they can only be granted
 * on "*". Any other action on "*" is a finding.
 */
const ACTIONS_WITHOUT_RESOURCE_TYPE = new Set(['ecr:GetAuthorizationToken', 'route53:ListHostedZones']);
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
 * `*` resource only in the documents listed (the AWS Load Balancer Controller's published policy) or
 * for actions that have no resource type.
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
      const onlyUnscopableActions = listOf(statement, 'actions').every(
        (action) => typeof action === 'string' && ACTIONS_WITHOUT_RESOURCE_TYPE.has(action),
      );
      if (!documentsAllowedStarResource.includes(document.address) && !onlyUnscopableActions) {
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

/** A role assumable with a web identity, and the one subject (service account, branch) it trusts. */
export interface WebIdentityRole {
  role: Located;
  subject: string;
}

interface TrustRule {
  /** Whether the rule is for roles trusting GitHub's OIDC provider, or for those trusting the cluster's. */
  github: boolean;
  subject: RegExp;
  subjectDescription: string;
  noneFound: string;
}

/**
 * Every role assumable with a web identity from the cluster (any OIDC provider but GitHub's) trusts the
 * cluster's OIDC provider for exactly one service account, with StringEquals on both `sub` and `aud`.
 */
export function checkIrsaTrust(root: Instance): CheckResult & { roles: WebIdentityRole[] } {
  return checkWebIdentityTrust(root, {
    github: false,
    subject: SERVICE_ACCOUNT_SUBJECT,
    subjectDescription: 'one known service account',
    noneFound: 'no IRSA role',
  });
}

/**
 * Every role assumable with a GitHub Actions token trusts one branch of one repository, with
 * StringEquals on `sub` (no wildcard) and on `aud`.
 */
export function checkGithubTrust(root: Instance): CheckResult & { roles: WebIdentityRole[] } {
  return checkWebIdentityTrust(root, {
    github: true,
    subject: GITHUB_BRANCH_SUBJECT,
    subjectDescription: 'one branch of one repository',
    noneFound: 'no GitHub Actions role',
  });
}

function checkWebIdentityTrust(root: Instance, rule: TrustRule): CheckResult & { roles: WebIdentityRole[] } {
  const findings = new Findings();
  const roles: WebIdentityRole[] = [];
  for (const { role, statement } of webIdentityStatements(root)) {
    if (trustsGithub(statement) !== rule.github) continue;
    const subject = checkWebIdentityStatement(findings, role, statement, rule.subject, rule.subjectDescription);
    if (subject) roles.push({ role, subject });
  }
  findings.expect(roles.length > 0, rule.noneFound);
  return { checked: findings.checked, problems: findings.problems, roles };
}

function webIdentityStatements(root: Instance): { role: Located; statement: Statement }[] {
  return resourcesOfType(root, 'aws_iam_role').flatMap((role) =>
    traceTo(role, role.body.assume_role_policy, POLICY_DOCUMENT).flatMap((document) =>
      statements(document)
        .filter(isWebIdentity)
        .map((statement) => ({ role, statement })),
    ),
  );
}

function isWebIdentity(statement: Statement): boolean {
  return listOf(statement, 'actions').includes('sts:AssumeRoleWithWebIdentity');
}

function trustedProviders(statement: Statement): Origin[] {
  const federated = blocks(statement.body.principals).filter((principal) => principal.type === 'Federated');
  return federated.flatMap((principal) =>
    traceTo(statement.document, principal.identifiers, 'aws_iam_openid_connect_provider'),
  );
}

function trustsGithub(statement: Statement): boolean {
  return trustedProviders(statement).some(
    (provider) => evaluate({ instance: provider.instance }, provider.body.url ?? null) === GITHUB_ISSUER,
  );
}

/**
 * Whether a condition key is a claim of the trusted provider: derived from the provider itself (IRSA), or
 * naming the fixed issuer of a provider whose URL is fixed (GitHub).
 */
function namesTheProvider(statement: Statement, variable: HclValue | undefined): boolean {
  if (traceTo(statement.document, variable, 'aws_iam_openid_connect_provider').length === 1) return true;
  const key = String(render({ instance: statement.document.instance }, variable ?? null));
  return trustedProviders(statement).some((provider) => {
    const url = evaluate({ instance: provider.instance }, provider.body.url ?? null);
    return typeof url === 'string' && key.startsWith(`${url.replace(/^https:\/\//, '')}:`);
  });
}

function checkWebIdentityStatement(
  findings: Findings,
  role: Located,
  statement: Statement,
  subjectPattern: RegExp,
  subjectDescription: string,
): string | undefined {
  const { document } = statement;
  const scope = { instance: document.instance };
  const federated = blocks(statement.body.principals).filter((principal) => principal.type === 'Federated');
  findings.expect(
    federated.length === 1 && trustedProviders(statement).length === 1,
    `${role.address} is not trusted through one OIDC provider`,
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
      item !== undefined && item.test === 'StringEquals' && namesTheProvider(statement, item.variable),
      `${role.address} has no StringEquals condition on the OIDC provider's ${claim} claim`,
    );
  }
  findings.expect(
    JSON.stringify(evaluate(scope, aud?.values ?? null)) === '["sts.amazonaws.com"]',
    `${role.address} accepts tokens for audiences other than sts.amazonaws.com`,
  );
  const subjects = render(scope, sub?.values ?? null);
  const subject = Array.isArray(subjects) && subjects.length === 1 ? subjects[0] : undefined;
  const exact = typeof subject === 'string' && subjectPattern.test(subject);
  findings.expect(exact, `${role.address} is not limited to ${subjectDescription} (got ${JSON.stringify(subjects)})`);
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
