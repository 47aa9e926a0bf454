import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '@app/config-kit';
import { postgresEnv } from '@app/database';
import { dynamoDbEnv } from '@app/dynamodb';
import { localSystem } from '../launcher/local-system';
import { SplitRefusal } from './refusal';
import type { SplitOptions } from './split';

/** Everything the split needs but where its progress goes. */
export type ParsedSplitOptions = Omit<SplitOptions, 'progress'>;

export const USAGE = `npm run migrate:split -- [--from URL] [--auth URL] [--app URL] [--batch-size N] [--dry-run]
  --from, LEGACY_DATABASE_URL   the monolith's database
  --auth, AUTH_DATABASE_URL     auth's database
  --app,  APP_DATABASE_URL      the monolith's new database (adoptions, comments)
  DATABASE_IAM_AUTH=true        sign in to auth's and the app's with RDS IAM tokens (no password in their URLs)
  DYNAMODB_ENDPOINT (DynamoDB Local only), AWS_REGION, MYSFITS_TABLE: the mysfits table
With no database URL at all, every address is that of the system npm start runs.`;

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL');

const settings = z.object({
  LEGACY_DATABASE_URL: postgresUrl.optional(),
  AUTH_DATABASE_URL: postgresUrl.optional(),
  APP_DATABASE_URL: postgresUrl.optional(),
  DATABASE_IAM_AUTH: postgresEnv.shape.DATABASE_IAM_AUTH,
  ...dynamoDbEnv.shape,
  MYSFITS_TABLE: z.string().min(3).default('Mysfits'),
  BATCH_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
});

/**
 * The split's settings from its flags, which win, and the environment. Either every database URL is
 * given, or none is and they are those of the local system (`npm start`).
 */
export function parseSplitOptions(argv: string[], env: NodeJS.ProcessEnv): ParsedSplitOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        from: { type: 'string' },
        auth: { type: 'string' },
        app: { type: 'string' },
        'batch-size': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new SplitRefusal(`${(error as Error).message}\n${USAGE}`);
  }
  const given = {
    ...env,
    LEGACY_DATABASE_URL: values.from ?? env.LEGACY_DATABASE_URL,
    AUTH_DATABASE_URL: values.auth ?? env.AUTH_DATABASE_URL,
    APP_DATABASE_URL: values.app ?? env.APP_DATABASE_URL,
    BATCH_SIZE: values['batch-size'],
  };
  let parsed: z.output<typeof settings>;
  try {
    parsed = parseEnv('migrate:split', settings, given);
  } catch (error) {
    throw new SplitRefusal((error as Error).message);
  }
  const urls = [parsed.LEGACY_DATABASE_URL, parsed.AUTH_DATABASE_URL, parsed.APP_DATABASE_URL];
  const common = {
    batchSize: parsed.BATCH_SIZE,
    dryRun: values['dry-run'],
    iamAuthentication: parsed.DATABASE_IAM_AUTH,
  };
  const table = { region: parsed.AWS_REGION, tableName: parsed.MYSFITS_TABLE };

  if (urls.every((url) => url === undefined)) {
    let local;
    try {
      local = localSystem(env);
    } catch (error) {
      throw new SplitRefusal((error as Error).message);
    }
    const endpoint = parsed.DYNAMODB_ENDPOINT ?? local.dynamodbEndpoint;
    return {
      ...common,
      legacyUrl: local.databaseUrl('legacy'),
      authUrl: local.databaseUrl('auth'),
      appUrl: local.databaseUrl('app'),
      dynamodb: { ...table, endpoint },
      migrationEnv: { ...env, DYNAMODB_ENDPOINT: endpoint },
    };
  }
  const [legacyUrl, authUrl, appUrl] = urls;
  if (!legacyUrl || !authUrl || !appUrl) {
    const missing = ['--from (LEGACY_DATABASE_URL)', '--auth (AUTH_DATABASE_URL)', '--app (APP_DATABASE_URL)'].filter(
      (_name, index) => !urls[index],
    );
    throw new SplitRefusal(`Give every database URL or none (for the local system); missing: ${missing.join(', ')}`);
  }
  return {
    ...common,
    legacyUrl,
    authUrl,
    appUrl,
    dynamodb: { ...table, endpoint: parsed.DYNAMODB_ENDPOINT },
    migrationEnv: env,
  };
}
