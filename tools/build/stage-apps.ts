import { cpSync, existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeFileTrace } from '@vercel/nft';
import { repoRoot } from '../launcher/repo';

/**
 * Lays out each image's files, exactly those it loads at run time, one folder per image. @vercel/nft
 * follows every require from the entry points, so an image carries the few megabytes of node_modules
 * its code uses rather than every production dependency of the monorepo.
 *
 *   node dist/tools/build/stage-apps.js <out folder> <app or tool>...
 */
async function stageImage(root: string, name: string, destination: string): Promise<number> {
  const { entries, folders } = contents(name);
  const found = entries.map((file) => join(root, file)).filter((file) => existsSync(file));
  if (found.length === 0) throw new Error(`No built entry point for "${name}": run npm run build first`);
  const { fileList } = await nodeFileTrace(found, { base: root });
  for (const folder of folders) cpSync(join(root, folder), join(destination, folder), { recursive: true });
  for (const file of fileList) copyEntry(join(root, file), join(destination, file));
  return [...fileList].filter((file) => file.startsWith('node_modules/')).length;
}

/** The entry points to trace, and the folders copied whole (with the assets read by path: web page, .proto). */
function contents(name: string): { entries: string[]; folders: string[] } {
  if (name === 'split') {
    // The data split runs the apps' migrate commands before it copies anything (tools/split).
    return {
      entries: ['tools/split/main.js', 'apps/auth/src/migrate.js', 'apps/monolith/src/migrate.js'].map((file) =>
        join('dist', file),
      ),
      folders: [join('dist', 'tools', 'split'), join('dist', 'tools', 'legacy')],
    };
  }
  return {
    entries: ['main.js', 'migrate.js'].map((file) => join('dist', 'apps', name, 'src', file)),
    folders: [join('dist', 'apps', name), join('dist', 'libs')],
  };
}

function copyEntry(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), target);
  else cpSync(source, target);
}

async function main(): Promise<void> {
  const [outFolder, ...names] = process.argv.slice(2);
  if (!outFolder || names.length === 0) throw new Error('usage: stage-apps.js <out folder> <app or tool>...');
  const root = repoRoot();
  for (const name of names) {
    const count = await stageImage(root, name, join(outFolder, name));
    process.stdout.write(`${name}: ${count} files from node_modules\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
