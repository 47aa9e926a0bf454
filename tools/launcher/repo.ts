import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root, found from this file whether it runs from source or from dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root');
    dir = parent;
  }
  return dir;
}

/** Where Node.js keeps the compiled code of the apps' modules between starts (NODE_COMPILE_CACHE). */
export function compileCacheFolder(): string {
  return join(repoRoot(), 'node_modules', '.cache', 'node-compile-cache');
}

/** Where `npm start` keeps its data: MYSFITS_DATA_DIR, or .data/ in the repository. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.MYSFITS_DATA_DIR ?? join(repoRoot(), '.data'));
}
