import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AppName, builtEntryPoint, EntryPoint } from '../../tools/apps';
import { freePort } from '../../tools/engines/ports';
import { repoRoot } from '../../tools/launcher/repo';

/**
 * An app started with a bad environment, as its image starts it (NODE_ENV=production): it exits 1 at
 * once, with one JSON line per bad variable naming it, in the JSON of its logs, and nothing else.
 */
jest.setTimeout(60_000);

/** A variable of .env.example, as docker compose reads it (a double-quoted value's \n is a line break). */
function fromEnvExample(variable: string): string {
  const line = readFileSync(join(repoRoot(), '.env.example'), 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${variable}=`));
  if (!line) throw new Error(`.env.example has no ${variable}`);
  const value = line.slice(variable.length + 1);
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

interface Outcome {
  code: number | null;
  lines: Record<string, unknown>[];
  output: string;
}

function start(app: AppName, env: Record<string, string>, entryPoint: EntryPoint = 'main'): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [builtEntryPoint(app, entryPoint)],
      { env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          output,
          lines: output
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => JSON.parse(line) as Record<string, unknown>),
        });
      },
    );
  });
}

const authEnv = {
  DATABASE_URL: 'postgres://auth:a-password@127.0.0.1:1/auth',
  JWT_ISSUER: 'http://localhost:8080/auth',
  SERVICE_CLIENTS: 'like:a-real-enough-secret',
  JWT_PRIVATE_KEY: fromEnvExample('JWT_PRIVATE_KEY'),
};

describe('an app started with a bad environment', () => {
  it('auth, with the JWT_PRIVATE_KEY of .env.example, names JWT_PRIVATE_KEY in one JSON line and exits 1', async () => {
    const outcome = await start('auth', authEnv);
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toEqual([
      expect.objectContaining({
        level: 60,
        service: 'auth',
        variable: 'JWT_PRIVATE_KEY',
        msg: expect.stringContaining('placeholder'),
      }),
    ]);
  });

  it('like names each bad variable, one line each: the JWKS URL and the gRPC address must parse', async () => {
    const outcome = await start('like', {
      JWT_ISSUER: 'http://localhost:8080/auth',
      AUTH_JWKS_URL: 'auth:3001/auth/.well-known/jwks.json',
      AUTH_GRPC_URL: 'auth:50051:1',
      MONOLITH_URL: 'http://monolith:3002',
      SERVICE_CLIENT_SECRET: 'a-real-enough-secret',
    });
    expect(outcome.code).toBe(1);
    expect(outcome.lines.map((line) => line.variable).sort()).toEqual(['AUTH_GRPC_URL', 'AUTH_JWKS_URL']);
    expect(outcome.lines.every((line) => line.level === 60 && line.service === 'like')).toBe(true);
  });

  it("auth's migrate names a DATABASE_URL that is no postgres:// URL and exits 1", async () => {
    const outcome = await start('auth', { DATABASE_URL: 'auth-db:5432/auth' }, 'migrate');
    expect(outcome.code).toBe(1);
    expect(outcome.lines).toEqual([expect.objectContaining({ level: 'error', variable: 'DATABASE_URL' })]);
  });

  it('like, failing after its config (its port is taken), says why in the same JSON lines, never in Nest’s colours', async () => {
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const outcome = await start('like', {
        HOST: '127.0.0.1',
        PORT: String((squatter.address() as AddressInfo).port),
        ADMIN_PORT: String(await freePort()),
        JWT_ISSUER: 'http://localhost:8080/auth',
        AUTH_JWKS_URL: 'http://127.0.0.1:1/auth/.well-known/jwks.json',
        AUTH_GRPC_URL: '127.0.0.1:1',
        MONOLITH_URL: 'http://127.0.0.1:1',
        SERVICE_CLIENT_SECRET: 'a-real-enough-secret',
      });
      expect(outcome.code).toBe(1);
      // eslint-disable-next-line no-control-regex
      expect(outcome.output).not.toMatch(/\u001b\[/);
      const fatal = outcome.lines.filter((line) => line.level === 60);
      expect(fatal).toEqual([expect.objectContaining({ service: 'like', msg: 'Could not start' })]);
      expect(JSON.stringify(fatal[0])).toContain('EADDRINUSE');
    } finally {
      squatter.close();
    }
  });
});
