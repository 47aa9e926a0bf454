import { cpSync, existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { nodeFileTrace } from '@vercel/nft';
import { APPS, AppName, builtEntryPoint, ENTRY_POINTS } from '../apps';
import { repoRoot } from '../launcher/repo';

/**
 * Lays out each image with exactly the files it loads at run time, one folder per image. @vercel/nft
 * follows every require from the image's entry points, so an image carries the few megabytes of
 * node_modules its code uses rather than every production dependency of the monorepo.
 *
 *   node dist/tools/build/stage-apps.js <out folder> <app or split>...
 */
const DATABASE_ROLES = join('dist', 'tools', 'database-roles');

/** The image of the data split (tools/split, docs/cut-over.md), which is no app. */
const SPLIT = 'split';

/** What goes into one image: the files to trace from, and the folders copied whole (repository paths). */
interface ImageContents {
  entryPoints: string[];
  folders: string[];
}

function imageContents(root: string, name: string): ImageContents {
  const inRepo = (file: string) => file.slice(root.length + 1);
  if (name === SPLIT) {
    // The split runs the apps' migrate commands before it copies anything.
    return {
      entryPoints: [
        join('dist', 'tools', 'split', 'main.js'),
        inRepo(builtEntryPoint('auth', 'migrate')),
        inRepo(builtEntryPoint('monolith', 'migrate')),
      ],
      folders: [join('dist', 'tools', 'split'), join('dist', 'tools', 'legacy')],
    };
  }
  if (!isApp(name)) throw new Error(`No image ${name}; the images are ${[...APPS, SPLIT].join(', ')}`);
  // An app with a database also carries the EKS deploy's database-roles step, which creates its role.
  const tools = ENTRY_POINTS[name].includes('migrate') ? [DATABASE_ROLES] : [];
  return {
    entryPoints: [
      ...ENTRY_POINTS[name].map((entryPoint) => inRepo(builtEntryPoint(name, entryPoint))),
      ...tools.map((tool) => join(tool, 'main.js')),
    ],
    // The compiled app and libraries whole, with the assets they read by path (web page, .proto).
    folders: [join('dist', 'apps', name), join('dist', 'libs'), ...tools],
  };
}

async function stageImage(root: string, name: string, destination: string): Promise<number> {
  const { entryPoints, folders } = imageContents(root, name);
  const missing = entryPoints.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) throw new Error(`Not built: ${missing.join(', ')}: run npm run build first`);
  const { fileList } = await nodeFileTrace(
    entryPoints.map((file) => join(root, file)),
    { base: root },
  );
  for (const folder of folders) cpSync(join(root, folder), join(destination, folder), { recursive: true });
  // Compiled files outside those folders (the split's migrate commands and what they import), and packages.
  const copiedWhole = (file: string) => folders.some((folder) => file.startsWith(folder + sep));
  const files = [...fileList].filter((file) => /^(dist|node_modules)\//.test(file) && !copiedWhole(file));
  for (const file of files) copyEntry(join(root, file), join(destination, file));
  return files.filter((file) => file.startsWith('node_modules/')).length;
}

function copyEntry(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), target);
  else cpSync(source, target);
}

async function main(): Promise<void> {
  const [outFolder, ...names] = process.argv.slice(2);
  if (!outFolder || names.length === 0) throw new Error('usage: stage-apps.js <out folder> <app or split>...');
  const root = repoRoot();
  for (const name of names) {
    const count = await stageImage(root, name, join(outFolder, name));
    process.stdout.write(`${name}: ${count} files from node_modules\n`);
  }
}

function isApp(name: string): name is AppName {
  return (APPS as readonly string[]).includes(name);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
