import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSplitOptions } from './options';
import { SplitRefusal } from './refusal';

describe('parseSplitOptions', () => {
  const folders: string[] = [];
  const dataDir = () => {
    folders.push(mkdtempSync(join(tmpdir(), 'split-options-')));
    return folders[folders.length - 1];
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const url = (database: string) => `postgres://user:secret@db.internal:5432/${database}`;

  it('takes every database URL from flags or the environment, flags first', () => {
    const options = parseSplitOptions(['--auth', url('auth-flag'), '--batch-size', '500', '--dry-run'], {
      LEGACY_DATABASE_URL: url('legacy'),
      AUTH_DATABASE_URL: url('auth-env'),
      APP_DATABASE_URL: url('app'),
      MYSFITS_TABLE: 'mysfits-dev-Mysfits',
    });
    expect(options).toMatchObject({
      legacyUrl: url('legacy'),
      authUrl: url('auth-flag'),
      appUrl: url('app'),
      batchSize: 500,
      dryRun: true,
      dynamodb: { region: 'us-east-1', endpoint: undefined, tableName: 'mysfits-dev-Mysfits' },
    });
  });

  it("uses the local system's databases and DynamoDB Local when no URL is given", () => {
    const folder = dataDir();
    writeFileSync(join(folder, 'secrets.json'), JSON.stringify({ postgresPassword: 'p@ss' }));
    const options = parseSplitOptions([], { MYSFITS_DATA_DIR: folder, POSTGRES_PORT: '5999' });
    expect(options).toMatchObject({
      legacyUrl: 'postgres://mysfits:p%40ss@127.0.0.1:5999/legacy',
      authUrl: 'postgres://mysfits:p%40ss@127.0.0.1:5999/auth',
      appUrl: 'postgres://mysfits:p%40ss@127.0.0.1:5999/app',
      dynamodb: { endpoint: 'http://127.0.0.1:8000' },
      migrationEnv: { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' },
      iamAuthentication: false,
    });
  });

  it('signs in to the target databases with RDS IAM tokens when DATABASE_IAM_AUTH says so, as the apps do', () => {
    const env = {
      LEGACY_DATABASE_URL: url('legacy'),
      AUTH_DATABASE_URL: 'postgres://auth_service@auth.rds.internal:5432/auth',
      APP_DATABASE_URL: 'postgres://monolith_service@app.rds.internal:5432/app',
      DATABASE_IAM_AUTH: 'true',
      AWS_REGION: 'eu-west-1',
    };
    expect(parseSplitOptions([], env)).toMatchObject({
      iamAuthentication: true,
      dynamodb: { region: 'eu-west-1' },
      // The apps' migrate commands read the same variables.
      migrationEnv: { DATABASE_IAM_AUTH: 'true', AWS_REGION: 'eu-west-1' },
    });
    expect(() => parseSplitOptions([], { ...env, DATABASE_IAM_AUTH: 'yes' })).toThrow(/DATABASE_IAM_AUTH/);
  });

  it.each([
    [
      'some URLs but not all',
      ['--from', url('legacy')],
      /missing: --auth \(AUTH_DATABASE_URL\), --app \(APP_DATABASE_URL\)/,
    ],
    [
      'a URL that is not PostgreSQL',
      ['--from', 'mysql://x/y', '--auth', url('a'), '--app', url('b')],
      /LEGACY_DATABASE_URL: must be a postgres:\/\/ URL/,
    ],
    ['a batch size of 0', ['--batch-size', '0'], /BATCH_SIZE/],
    ['an unknown flag', ['--form', url('legacy')], /Unknown option '--form'/],
  ])('refuses %s', (_case, argv, message) => {
    expect(() => parseSplitOptions(argv, {})).toThrow(SplitRefusal);
    expect(() => parseSplitOptions(argv, {})).toThrow(message);
  });

  it('refuses to guess the local system when npm start never ran', () => {
    expect(() => parseSplitOptions([], { MYSFITS_DATA_DIR: dataDir() })).toThrow(
      /secrets\.json is missing; run npm start first/,
    );
  });
});
