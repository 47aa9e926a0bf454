import { join } from 'node:path';
import entryPoints from '../apps/entry-points.json';
import { repoRoot } from './launcher/repo';

/**
 * apps/entry-points.json declares the apps, each after the ones it calls (the launcher stops them in the
 * reverse order; it starts each as soon as what it needs is up), and the entry points of each: `apps/<app>/src/<name>.ts`, built to `dist/apps/<app>/src/<name>.js`.
 * Those are the only files of an app that anything outside it runs; nothing outside imports its files.
 */
export type AppName = keyof typeof entryPoints;

/** `main` serves the app; `migrate` brings its stores up to date and exits. */
export type EntryPoint = 'main' | 'migrate';

export const APPS = Object.keys(entryPoints) as readonly AppName[];

export const ENTRY_POINTS = entryPoints as Readonly<Record<AppName, readonly EntryPoint[]>>;

/** The built entry point, as `node` runs it. */
export function builtEntryPoint(app: AppName, entryPoint: EntryPoint = 'main'): string {
  if (!ENTRY_POINTS[app].includes(entryPoint)) throw new Error(`${app} declares no ${entryPoint} entry point`);
  return join(repoRoot(), 'dist', 'apps', app, 'src', `${entryPoint}.js`);
}
