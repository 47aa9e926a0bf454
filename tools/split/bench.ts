import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startScratchEngines } from '../engines/scratch-engines';
import { split, SplitReport } from './split';

/**
 * `npm run bench:split`: seeds a legacy database of 100,000 users and 1,000,000 comments on throwaway
 * engines and splits it, printing rows per second per table, the total time (verification included) and
 * the split's peak memory; then the same at a tenth of the size, to show that memory does not grow with
 * the data. BENCH_SPLIT_USERS and BENCH_SPLIT_COMMENTS change the sizes.
 */
const USERS = Number(process.env.BENCH_SPLIT_USERS ?? 100_000);
const COMMENTS = Number(process.env.BENCH_SPLIT_COMMENTS ?? 1_000_000);
// The split copies hashes as strings, so their cost does not matter here; a low count seeds fast.
const SEED_ITERATIONS = 1_000;

const run = promisify(execFile);
const dist = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const engines = await startScratchEngines('bench-split');
  const { postgres, dynamodb } = engines;
  try {
    const env = {
      ...process.env,
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      DYNAMODB_CREATE_TABLES: 'true',
      LOG_LEVEL: 'warn',
    };
    for (const database of ['legacy', 'auth', 'app', 'legacy_tenth', 'auth_tenth', 'app_tenth']) {
      await postgres.ensureDatabase(database);
    }
    await run(process.execPath, [join(dist, 'apps', 'monolith', 'src', 'migrate.js')], {
      env: { ...env, DATABASE_URL: postgres.url('app') },
    });
    const sizes = [
      { suffix: '_tenth', users: USERS / 10, comments: COMMENTS / 10 },
      { suffix: '', users: USERS, comments: COMMENTS },
    ];
    const results: { users: number; comments: number; report: SplitReport; peakRss: number }[] = [];
    for (const size of sizes) {
      process.stdout.write(`Seeding ${size.users} users and ${size.comments} comments...\n`);
      const seeded = performance.now();
      await run(
        process.execPath,
        [
          join(dist, 'tools', 'legacy', 'seed.js'),
          `--users=${size.users}`,
          `--comments=${size.comments}`,
          '--adoptions=12',
          `--iterations=${SEED_ITERATIONS}`,
        ],
        { env: { ...env, LEGACY_DATABASE_URL: postgres.url(`legacy${size.suffix}`) } },
      );
      process.stdout.write(`  seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s; splitting...\n`);
      global.gc?.();
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const report = await split({
        legacyUrl: postgres.url(`legacy${size.suffix}`),
        authUrl: postgres.url(`auth${size.suffix}`),
        appUrl: postgres.url(`app${size.suffix}`),
        dynamodb: { region: 'us-east-1', endpoint: dynamodb.endpoint, tableName: 'Mysfits' },
        batchSize: 50_000,
        dryRun: false,
        iamAuthentication: false,
        migrationEnv: env,
        progress: () => ({ advance: () => undefined, end: () => undefined }),
      });
      clearInterval(sampler);
      results.push({ ...size, report, peakRss });
    }
    process.stdout.write(`\n${summary(results)}`);
    if (!results.every((result) => result.report.verified)) process.exitCode = 1;
  } finally {
    await engines.stop();
  }
}

function summary(results: { users: number; comments: number; report: SplitReport; peakRss: number }[]): string {
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  return results
    .map(({ users, comments, report, peakRss }) => {
      const tables = report.tables
        .map((table) => {
          const rate = table.seconds > 0 ? Math.round(table.copiedNow / table.seconds).toLocaleString('en-US') : '-';
          return `    ${table.label.padEnd(14)} ${table.copiedNow.toLocaleString('en-US').padStart(10)} rows in ${table.seconds.toFixed(1).padStart(5)} s, ${rate.padStart(8)} rows/s`;
        })
        .join('\n');
      const copySeconds = report.tables.reduce((sum, table) => sum + table.seconds, 0);
      return [
        `${users.toLocaleString('en-US')} users, ${comments.toLocaleString('en-US')} comments: ${report.verified ? 'verified' : 'NOT VERIFIED'}, ` +
          `${report.seconds.toFixed(1)} s in all (copy ${copySeconds.toFixed(1)} s; checks, migrations, flags and verification the rest), peak RSS ${mb(peakRss)}`,
        tables,
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:split: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
