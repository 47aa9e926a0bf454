import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newJwtPrivateKey, randomSecret } from '../secrets/generate';

export interface LocalSecrets {
  postgresPassword: string;
  jwtPrivateKey: string;
  likeClientSecret: string;
}

/**
 * Secrets for the local run, made on first start and kept (mode 600) in the data folder, so that tokens
 * and data stay valid across restarts and no secret is ever committed.
 */
export function loadOrCreateSecrets(file: string): LocalSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    postgresPassword: randomSecret(18),
    jwtPrivateKey: newJwtPrivateKey(),
    likeClientSecret: randomSecret(),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
