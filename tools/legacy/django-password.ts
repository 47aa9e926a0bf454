import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(pbkdf2);

/**
 * The iteration count the seed hashes with. Django raises its default with each release (260,000 in
 * 3.2, 870,000 in 5.1) and a stored hash keeps the count it was made with. This one keeps seeding quick
 * (a thousand users in seconds) and a legacy login in the timing class of any other (docs/cut-over.md);
 * `--iterations` chooses another.
 */
export const SEED_ITERATIONS = 36_000;

/** A password hash as Django's default hasher writes it: `pbkdf2_sha256$<iterations>$<salt>$<base64 key>`. */
export async function djangoPasswordHash(password: string, iterations: number): Promise<string> {
  const salt = randomBytes(16).toString('base64url');
  const key = await derive(password, salt, iterations, 32, 'sha256');
  return `pbkdf2_sha256$${iterations}$${salt}$${key.toString('base64')}`;
}
