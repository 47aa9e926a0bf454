import {
  checkDatabases,
  checkRepositories,
  checkTableAccessPolicy,
  checkTables,
  grantsByResource,
} from './support/data-stores';
import { checkIrsaTrust, permissionDocuments } from './support/iam';
import { loadDevStack } from './support/paths';
import { resourcesOfType, valueOf, type Instance, type Located } from './support/stack';

// What the monolith sends to each table (iam-covers-code.spec.ts derives the actions from its code):
// GetItem, BatchGetItem, Query (table and both indexes), Scan, PutItem (seed), UpdateItem (adopt),
// TransactWriteItems (a PutItem on likes and an UpdateItem on mysfits), DescribeTable (readiness).
const MYSFITS_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];
const LIKES_TABLE_ACTIONS = ['dynamodb:DescribeTable', 'dynamodb:PutItem'];
// The data split's: the Adopted flags (Scan, UpdateItem), and the seed of the monolith's migrate command it runs.
const SPLIT_ACTIONS = ['dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem'];

describe('data stores of envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('protects, encrypts and backs up the DynamoDB tables', () => {
    const result = checkTables(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(7);
  });

  describe('the monolith role', () => {
    let documents: Located[];

    beforeAll(() => {
      const monolith = checkIrsaTrust(stack).roles.find(
        ({ subject }) => subject === 'system:serviceaccount:mysfits:monolith',
      );
      documents = (monolith ? permissionDocuments(stack, monolith.role) : []).filter(
        (document) => document.instance.address === 'module.dynamodb',
      );
    });

    it('may use only its tables, their indexes and their key', () => {
      expect(documents).toHaveLength(2);
      const results = documents.map((document) => checkTableAccessPolicy(document, MYSFITS_TABLE_ACTIONS));
      expect(results.flatMap((result) => result.problems)).toEqual([]);
      expect(results.reduce((checked, result) => checked + result.checked, 0)).toBeGreaterThan(8);
    });

    it('is granted exactly what each table is used for', () => {
      expect(Object.fromEntries(grantsByResource(...documents))).toEqual({
        '${aws_dynamodb_table.mysfits.arn}': MYSFITS_TABLE_ACTIONS,
        '${aws_dynamodb_table.mysfits.arn}/index/GoodEvilIndex': ['dynamodb:Query'],
        '${aws_dynamodb_table.mysfits.arn}/index/LawChaosIndex': ['dynamodb:Query'],
        '${aws_dynamodb_table.likes.arn}': LIKES_TABLE_ACTIONS,
        '${aws_kms_key.tables.arn}': ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      });
    });
  });

  describe("the data split's role", () => {
    let documents: Located[];

    beforeAll(() => {
      const split = checkIrsaTrust(stack).roles.find(
        ({ subject }) => subject === 'system:serviceaccount:mysfits:legacy-split',
      );
      documents = split ? permissionDocuments(stack, split.role) : [];
    });

    it("may sign in to both PostgreSQL instances, each as its service's role (the tables it fills), and use DynamoDB", () => {
      expect(documents.map((document) => document.address).sort()).toEqual([
        'module.dynamodb.data.aws_iam_policy_document.split',
        'module.dynamodb.data.aws_iam_policy_document.tables_key',
        'module.postgres["app"].data.aws_iam_policy_document.connect',
        'module.postgres["auth"].data.aws_iam_policy_document.connect',
      ]);
    });

    it("may use the mysfits table's PutItem, Scan and UpdateItem and its key, nothing of the likes table", () => {
      const dynamodb = documents.filter((document) => document.instance.address === 'module.dynamodb');
      expect(dynamodb.flatMap((document) => checkTableAccessPolicy(document, SPLIT_ACTIONS).problems)).toEqual([]);
      expect(Object.fromEntries(grantsByResource(...dynamodb))).toEqual({
        '${aws_dynamodb_table.mysfits.arn}': SPLIT_ACTIONS,
        '${aws_kms_key.tables.arn}': ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      });
    });
  });

  it('keeps the PostgreSQL instances encrypted, private, backed up, protected, TLS-only and cluster-only', () => {
    const result = checkDatabases(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(2 * 11 + 1);
  });

  it('gives auth and app a PostgreSQL instance each', () => {
    const databases = resourcesOfType(stack, 'aws_db_instance').map((db) => [db.address, valueOf(db, db.body.db_name)]);
    expect(databases.sort()).toEqual([
      ['module.postgres["app"].aws_db_instance.this', 'app'],
      ['module.postgres["auth"].aws_db_instance.this', 'auth'],
    ]);
  });

  it('creates immutable, scanned ECR repositories for auth, monolith, like and the data split', () => {
    const result = checkRepositories(stack);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(3);
    const [ecr] = stack.children.get('ecr') ?? [];
    expect(ecr?.args.repository_names).toEqual(['auth', 'monolith', 'like', 'split']);
  });
});
