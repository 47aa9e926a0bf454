import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A new temporary folder for a throwaway system's data. Run as root, embedded PostgreSQL runs as a
 * `postgres` user, which must be able to reach its data folder inside this one.
 */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `mysfits-${prefix}-`));
  chmodSync(folder, 0o755);
  return folder;
}
