import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Brings the target databases to the apps' current schema by running the apps' own migrate commands,
 * as their init containers do, so that the split never depends on how an app defines its schema.
 * They read DATABASE_URL and the rest of their configuration from the environment.
 */
export async function migrateTargets(urls: { auth: string; app: string }, env: NodeJS.ProcessEnv): Promise<void> {
  for (const [app, url] of [
    ['auth', urls.auth],
    ['monolith', urls.app],
  ]) {
    // dist/tools/split → dist/apps/<app>/src/migrate.js, in the repository and in the image alike.
    const entry = join(__dirname, '..', '..', 'apps', app, 'src', 'migrate.js');
    await promisify(execFile)(process.execPath, [entry], { env: { ...env, DATABASE_URL: url } }).catch(
      (error: unknown) => {
        const { stderr, message } = error as { stderr?: string; message: string };
        throw new Error(`${app}'s migrations failed: ${(stderr?.trim() || message).split('\n')[0]}`);
      },
    );
  }
}
