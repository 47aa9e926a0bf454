import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APPS } from '../apps';
import { repoRoot } from '../launcher/repo';
import { composeEnvFile } from './env-file';

interface Service {
  image: string;
  build?: { context: string; dockerfile: string; target: string };
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  restart?: string;
  ports?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}

const root = repoRoot();
const text = readFileSync(join(root, 'compose.yaml'), 'utf8');
const compose = parse(text, { merge: true }) as { services: Record<string, Service>; version?: string };
const services = Object.entries(compose.services);
const apps: readonly string[] = APPS;
const jobs = ['auth-migrate', 'monolith-migrate'];

/** Variables compose.yaml refuses to start without (`${NAME:?message}`). */
const required = [...new Set([...text.matchAll(/\$\{(\w+):\?/g)].map(([, name]) => name))];
const definedIn = (env: string) => new Set([...env.matchAll(/^(\w+)=/gm)].map(([, name]) => name));

describe('compose.yaml', () => {
  it('runs the two databases, DynamoDB Local, the jobs and the four apps', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['auth-db', 'app-db', 'dynamodb', ...jobs, ...apps].sort());
    expect(compose.version).toBeUndefined();
  });

  it.each(services)('hardens %s', (_name, service) => {
    expect(service).toMatchObject({
      read_only: true,
      cap_drop: ['ALL'],
      security_opt: ['no-new-privileges:true'],
    });
    expect(service.tmpfs).toContain('/tmp');
  });

  it('gives every long-running service a healthcheck, and the one-shot jobs none and no restarts', () => {
    for (const [name, service] of services) {
      if (jobs.includes(name))
        expect({ name, ...service.healthcheck, restart: service.restart }).toEqual({
          name,
          disable: true,
          restart: 'no',
        });
      else expect({ name, test: service.healthcheck?.test?.length }).toEqual({ name, test: expect.any(Number) });
    }
  });

  it('starts each service only once what it depends on is healthy, or has finished', () => {
    for (const [name, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const expected = jobs.includes(dependency) ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected });
      }
    }
  });

  it('builds the app images from docker/Dockerfile under the names the manifests use', () => {
    for (const [name, service] of services.filter(([name]) => apps.includes(name) || jobs.includes(name))) {
      const app = name.replace('-migrate', '');
      expect({ name, image: service.image, build: service.build }).toEqual({
        name,
        image: `mysfits/${app}`,
        build: { context: '.', dockerfile: 'docker/Dockerfile', target: app },
      });
    }
  });

  it('publishes only the gateway, and only on the loopback interface', () => {
    const published = services.filter(([, service]) => service.ports).map(([name, service]) => [name, service.ports]);
    expect(published).toEqual([['gateway', ['127.0.0.1:${GATEWAY_PORT:-8080}:8080']]]);
  });

  it('takes every secret from .env, and both .env.example and npm run compose:env define them all', () => {
    expect(required.sort()).toEqual(['APP_DB_PASSWORD', 'AUTH_DB_PASSWORD', 'JWT_PRIVATE_KEY', 'LIKE_CLIENT_SECRET']);
    expect(text).not.toMatch(/PASSWORD: [^$]/);
    for (const env of [readFileSync(join(root, '.env.example'), 'utf8'), composeEnvFile()]) {
      expect(required.filter((name) => !definedIn(env).has(name))).toEqual([]);
    }
  });
});

describe('composeEnvFile', () => {
  it('writes the signing key on one line, with \\n where the PEM breaks lines', () => {
    const line = composeEnvFile()
      .split('\n')
      .find((entry) => entry.startsWith('JWT_PRIVATE_KEY='));
    expect(line).toMatch(
      /^JWT_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]+-----END PRIVATE KEY-----\\n"$/,
    );
  });

  it('makes new secrets every time', () => {
    expect(composeEnvFile()).not.toEqual(composeEnvFile());
  });
});
