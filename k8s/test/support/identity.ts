import type { IContainer } from 'kubernetes-models/v1/Container';
import { IRSA_APPS } from './mysfits';
import { annotation, perContainer, type Rule } from './rule';

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const AWS_KEY_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
const AWS_ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
/** Variables that hold credentials, judged by how their names end. */
const SECRET_NAME = /(SECRET|PASSWORD|PRIVATE_KEY|TOKEN|CREDENTIALS|DATABASE_URL|SERVICE_CLIENTS|ACCESS_KEY(_ID)?)$/;

function envNames(c: IContainer): string[] {
  return (c.env ?? []).map((e) => e.name);
}

export const irsa: Rule = {
  id: 'irsa',
  description: `${IRSA_APPS.join(', ')} reach AWS through an IRSA role on their own ServiceAccount`,
  check: (m) =>
    IRSA_APPS.flatMap((app) => {
      const account = m.find('Deployment', app)?.spec?.template.spec?.serviceAccountName;
      const sa = account ? m.find('ServiceAccount', account) : undefined;
      if (!sa) return [`Deployment/${app}: no ServiceAccount of its own`];
      const role = annotation(sa, 'eks.amazonaws.com/role-arn') ?? '';
      return ROLE_ARN.test(role) ? [] : [`ServiceAccount/${account}: no IAM role ARN in eks.amazonaws.com/role-arn`];
    }),
};

export const noAwsKeys: Rule = {
  id: 'no-aws-keys',
  description: 'no AWS access keys: no key variables in any container, no key IDs anywhere',
  check(m) {
    const violations = perContainer(m, (c) =>
      envNames(c)
        .filter((name) => AWS_KEY_VARIABLES.includes(name))
        .map((name) => `sets ${name}`),
    );
    for (const o of m.objects) {
      if (AWS_ACCESS_KEY_ID.test(JSON.stringify(o))) {
        violations.push(`${o.kind}/${o.metadata.name} holds an AWS key ID`);
      }
    }
    return violations;
  },
};

/**
 * With RDS IAM authentication (DATABASE_IAM_AUTH) a DATABASE_URL holds no credential: user, host and
 * database only, the password being a token signed per connection.
 */
function isPasswordlessIamDatabaseUrl(c: IContainer, name: string, value: string | undefined): boolean {
  const iamAuth = c.env?.some((e) => e.name === 'DATABASE_IAM_AUTH' && e.value === 'true');
  return (
    name === 'DATABASE_URL' &&
    iamAuth === true &&
    value !== undefined &&
    URL.canParse(value) &&
    new URL(value).password === ''
  );
}

export const secretsByReference: Rule = {
  id: 'secrets-by-reference',
  description: 'credentials come from Secrets created outside the manifests, never from literal values',
  check(m) {
    const violations = perContainer(m, (c) =>
      (c.env ?? [])
        .filter(
          (e) =>
            SECRET_NAME.test(e.name) && !e.valueFrom?.secretKeyRef && !isPasswordlessIamDatabaseUrl(c, e.name, e.value),
        )
        .map((e) => `${e.name} does not come from a Secret`),
    );
    for (const o of m.objects) {
      if (o.kind === 'Secret') violations.push(`Secret/${o.metadata.name} is part of the manifests`);
    }
    return violations;
  },
};

export const IDENTITY_RULES = [irsa, noAwsKeys, secretsByReference];
