import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APPS, builtEntryPoint, ENTRY_POINTS } from './apps';
import { repoRoot } from './launcher/repo';

const root = repoRoot();

/** The files that say which built app files containers and pods run. */
function runSpecifications(): string[] {
  const manifests = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return manifests(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    });
  return [join(root, 'docker', 'Dockerfile'), join(root, 'compose.yaml'), ...manifests(join(root, 'k8s'))];
}

describe('the entry points of the apps (apps/entry-points.json)', () => {
  it.each(APPS.flatMap((app) => ENTRY_POINTS[app].map((name) => [app, name] as const)))(
    '%s declares %s, and it exists',
    (app, name) => {
      expect(existsSync(join(root, 'apps', app, 'src', `${name}.ts`))).toBe(true);
    },
  );

  it('are the only app files the Dockerfile, compose.yaml and the Kubernetes manifests run', () => {
    const declared = new Set(
      APPS.flatMap((app) => ENTRY_POINTS[app].map((name) => relative(root, builtEntryPoint(app, name)))),
    );
    const run = runSpecifications().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/dist\/apps\/[\w./-]+\.js/g)].map(([path]) => ({
        file: relative(root, file),
        path,
      })),
    );
    expect(run.length).toBeGreaterThan(0);
    expect(run.filter(({ path }) => !declared.has(path))).toEqual([]);
  });

  it('refuses to name an entry point an app does not declare', () => {
    expect(() => builtEntryPoint('like', 'migrate')).toThrow(/like declares no migrate entry point/);
  });
});
