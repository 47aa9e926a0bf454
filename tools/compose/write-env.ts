import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../launcher/repo';
import { composeEnvFile } from './env-file';

/** `npm run compose:env`: writes .env with fresh secrets, once; an existing .env is left as it is. */
const file = join(repoRoot(), '.env');
if (existsSync(file)) {
  process.stdout.write(`${file} exists; left as it is (delete it first to make new secrets).\n`);
} else {
  writeFileSync(file, composeEnvFile(), { mode: 0o600 });
  process.stdout.write(`Wrote ${file} with fresh secrets. Next: docker compose up --build\n`);
}
