import { parseSplitOptions } from './options';
import { progressOn } from './progress';
import { SplitRefusal } from './refusal';
import { formatReport } from './report';
import { split } from './split';

/**
 * `npm run migrate:split`: moves the monolith's data into auth's and the app's databases (see
 * docs/cut-over.md). Exits 0 when verified (or after a dry run), 1 when verification or the copy failed,
 * 2 when it refused its input, having written nothing.
 */
async function main(): Promise<void> {
  const options = parseSplitOptions(process.argv.slice(2), process.env);
  const report = await split({ ...options, progress: progressOn(process.stdout) });
  process.stdout.write(formatReport(report));
  process.exitCode = report.dryRun || report.verified ? 0 : 1;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const [first, ...usage] = message.split('\n');
  process.stderr.write(`migrate:split: ${first}\n${usage.map((line) => `${line}\n`).join('')}`);
  process.exit(error instanceof SplitRefusal ? 2 : 1);
});
