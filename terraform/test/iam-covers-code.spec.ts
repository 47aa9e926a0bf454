import { join } from 'node:path';
import { checkIrsaTrust, listOf, permissionDocuments, statements } from './support/iam';
import { loadDevStack, loadFixture, TERRAFORM_DIR } from './support/paths';
import { sdkCallsFrom } from './support/sdk-calls';
import type { Instance } from './support/stack';

const REPO_ROOT = join(TERRAFORM_DIR, '..');

const SEED_REPOSITORY_READS =
  "the monolith's catalogue repository reads; its migrate command calls only the repository's addIfMissing (PutItem)";

/**
 * Who sends AWS calls, from which entry points, and the service account whose IRSA role must allow them;
 * `notSentOnAws`: calls the files reached hold but that caller never makes in AWS, and why.
 */
const CALLERS: {
  caller: string;
  serviceAccount: string | undefined;
  entryPoints: string[];
  notSentOnAws?: Record<string, string>;
}[] = [
  { caller: 'auth', serviceAccount: 'auth', entryPoints: ['apps/auth/src/main.ts', 'apps/auth/src/migrate.ts'] },
  {
    caller: 'monolith',
    serviceAccount: 'monolith',
    entryPoints: ['apps/monolith/src/main.ts', 'apps/monolith/src/migrate.ts'],
  },
  { caller: 'like', serviceAccount: undefined, entryPoints: ['apps/like/src/main.ts'] },
  {
    // The split runs the apps' migrate commands itself, with its own identity (tools/split/target-migrations.ts):
    // the monolith's seeds the mysfits table (PutItem).
    caller: 'the data split',
    serviceAccount: 'legacy-split',
    entryPoints: ['tools/split/main.ts', 'apps/auth/src/migrate.ts', 'apps/monolith/src/migrate.ts'],
    notSentOnAws: {
      'dynamodb:DescribeTable':
        "the monolith's migrate command waits for a table only after creating it, with DYNAMODB_CREATE_TABLES",
      'dynamodb:BatchGetItem': SEED_REPOSITORY_READS,
      'dynamodb:GetItem': SEED_REPOSITORY_READS,
      'dynamodb:Query': SEED_REPOSITORY_READS,
    },
  },
  {
    caller: 'the database-roles step',
    serviceAccount: 'database-admin',
    entryPoints: ['tools/database-roles/main.ts'],
  },
];

/**
 * Service accounts of the namespace that run someone else's program, not this repository's code: their
 * policies are checked where they are written.
 */
const NOT_OUR_CODE: Record<string, string> = {
  'otel-collector':
    "the ADOT collector of k8s/components/observability (observability.spec.ts checks its policy's '*')",
};

/** Calls the code makes only against the local engines, which AWS therefore never sees from a pod. */
const LOCAL_ONLY: Record<string, string> = {
  'dynamodb:CreateTable': 'only with DYNAMODB_CREATE_TABLES, for DynamoDB Local; Terraform owns the tables in AWS',
};

/** Permissions AWS checks on the caller's behalf: DynamoDB uses the tables' customer-managed KMS key. */
const IMPLIED_BY: Record<string, string> = {
  'kms:Decrypt': 'dynamodb:',
  'kms:Encrypt': 'dynamodb:',
  'kms:GenerateDataKey': 'dynamodb:',
};

const APP_NAMESPACE = 'system:serviceaccount:mysfits:';

/** The actions each IRSA role of the apps' namespace is granted, by service account. */
function grantsByServiceAccount(stack: Instance): Map<string, Set<string>> {
  const grants = new Map<string, Set<string>>();
  for (const { role, subject } of checkIrsaTrust(stack).roles.filter(
    (irsa) => irsa.subject.startsWith(APP_NAMESPACE) && !(irsa.subject.slice(APP_NAMESPACE.length) in NOT_OUR_CODE),
  )) {
    const actions = permissionDocuments(stack, role).flatMap((document) =>
      statements(document).flatMap((statement) => listOf(statement, 'actions')),
    );
    grants.set(subject.slice(APP_NAMESPACE.length), new Set(actions.map(String)));
  }
  return grants;
}

/** What the code sends that the role does not allow, and what the role allows that nothing sends. */
export function compare(
  sent: readonly string[],
  granted: ReadonlySet<string>,
  notSentOnAws: Readonly<Record<string, string>> = {},
) {
  const needed = sent.filter((action) => !(action in LOCAL_ONLY) && !(action in notSentOnAws));
  const implied = Object.entries(IMPLIED_BY)
    .filter(([, prefix]) => needed.some((action) => action.startsWith(prefix)))
    .map(([action]) => action);
  return {
    missing: [...new Set(needed)].filter((action) => !granted.has(action)).sort(),
    unused: [...granted].filter((action) => !needed.includes(action) && !implied.includes(action)).sort(),
  };
}

describe('the IAM roles of envs/dev cover exactly the AWS calls in the code', () => {
  let grants: Map<string, Set<string>>;

  beforeAll(async () => {
    grants = grantsByServiceAccount(await loadDevStack());
  });

  it.each(CALLERS)(
    '$caller: its role allows every call it sends, and nothing else',
    ({ serviceAccount, entryPoints, notSentOnAws = {} }) => {
      const sent = sdkCallsFrom(REPO_ROOT, entryPoints).map((call) => call.action);
      if (serviceAccount === undefined) {
        expect(sent).toEqual([]);
        return;
      }
      expect(sent.length).toBeGreaterThan(0);
      // An exception the code no longer calls for is one to remove.
      expect(sent).toEqual(expect.arrayContaining(Object.keys(notSentOnAws)));
      expect(compare(sent, grants.get(serviceAccount) ?? new Set(), notSentOnAws)).toEqual({
        missing: [],
        unused: [],
      });
    },
  );

  it('gives an IAM role to exactly the service accounts of the namespace whose code calls AWS', () => {
    const callers = CALLERS.flatMap(({ serviceAccount }) => (serviceAccount ? [serviceAccount] : []));
    expect([...grants.keys()].sort()).toEqual(callers.sort());
  });

  it('finds the monolith sending BatchGetItem (GET /me/adoptions), a transaction as PutItem and UpdateItem, and CreateTable only locally', () => {
    const sent = new Set(sdkCallsFrom(REPO_ROOT, CALLERS[1].entryPoints).map((call) => call.action));
    expect(sent).toEqual(
      new Set([
        'dynamodb:BatchGetItem',
        'dynamodb:CreateTable',
        'dynamodb:DescribeTable',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:Scan',
        'dynamodb:UpdateItem',
        'rds-db:connect',
      ]),
    );
  });

  it('reports the missing BatchGetItem and the unused BatchWriteItem of the policy the monolith once had', async () => {
    const old = grantsByServiceAccount(await loadFixture('monolith-policy-before'));
    const sent = sdkCallsFrom(REPO_ROOT, CALLERS[1].entryPoints).map((call) => call.action);
    expect(compare(sent, old.get('monolith')!)).toEqual({
      missing: ['dynamodb:BatchGetItem', 'rds-db:connect'],
      unused: ['dynamodb:BatchWriteItem'],
    });
  });
});
