import { cpSync, existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeFileTrace } from '@vercel/nft';
import { APPS, AppName, builtEntryPoint, ENTRY_POINTS } from '../apps';
import { repoRoot } from '../launcher/repo';

/**
 * Lays out each app with exactly the files it loads at run time, one folder per app, for its container
 * image. @vercel/nft follows every require from the app's entry points, so an image carries the few
 * megabytes of node_modules its app uses rather than every production dependency of the monorepo.
 *
 *   node dist/tools/build/stage-apps.js <out folder> <app>...
 */
const DATABASE_ROLES = join('dist', 'tools', 'database-roles');

async function stageApp(root: string, app: AppName, destination: string): Promise<number> {
  const entries = ENTRY_POINTS[app].map((entryPoint) => builtEntryPoint(app, entryPoint));
  // An app with a database also carries the EKS deploy's database-roles step, which creates its role.
  const tools = ENTRY_POINTS[app].includes('migrate') ? [DATABASE_ROLES] : [];
  const traced = [...entries, ...tools.map((tool) => join(root, tool, 'main.js'))];
  const missing = traced.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`Not built: ${missing.join(', ')}: run npm run build first`);
  const { fileList } = await nodeFileTrace(traced, { base: root });
  // The compiled app and libraries whole, with the assets they read by path (web page, .proto).
  const files = [...fileList].filter((file) => file.startsWith('node_modules/'));
  for (const folder of [join('dist', 'apps', app), join('dist', 'libs'), ...tools]) {
    cpSync(join(root, folder), join(destination, folder), { recursive: true });
  }
  for (const file of files) copyEntry(join(root, file), join(destination, file));
  return files.length;
}

function copyEntry(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), target);
  else cpSync(source, target);
}

async function main(): Promise<void> {
  const [outFolder, ...apps] = process.argv.slice(2);
  if (!outFolder || apps.length === 0) throw new Error('usage: stage-apps.js <out folder> <app>...');
  const root = repoRoot();
  for (const app of apps) {
    if (!isApp(app)) throw new Error(`No app ${app}; the apps are ${APPS.join(', ')}`);
    const count = await stageApp(root, app, join(outFolder, app));
    process.stdout.write(`${app}: ${count} files from node_modules\n`);
  }
}

function isApp(name: string): name is AppName {
  return (APPS as readonly string[]).includes(name);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
