import { verify } from '@node-rs/argon2';
import { Client } from 'pg';

/**
 * The argon2id hash auth stored for `email`, read from its database: the bench measures verifications at
 * exactly the parameters auth uses, whatever they are.
 */
export async function storedPasswordHash(authDatabaseUrl: string, email: string): Promise<string> {
  const client = new Client({ connectionString: authDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>('SELECT * FROM users WHERE email = $1', [email]);
    const hash = Object.values(rows[0] ?? {}).find(
      (value): value is string => typeof value === 'string' && value.startsWith('$argon2'),
    );
    if (!hash) throw new Error(`No argon2 hash stored for ${email} in auth's users table`);
    return hash;
  } finally {
    await client.end();
  }
}

/** The algorithm and parameters of a PHC-format hash, e.g. `argon2id m=19456,t=2,p=1`. */
export function argon2Parameters(hash: string): string {
  const [, algorithm, parameters] = /^\$(argon2(?:id|i|d))\$v=\d+\$([^$]+)\$/.exec(hash) ?? [];
  if (!algorithm || !parameters) throw new Error('Not an argon2 hash in PHC format');
  return `${algorithm} ${parameters}`;
}

/**
 * Verifications per second of `password` against `hash` with `concurrency` in flight, on libuv's thread
 * pool as in auth, after one second of warm-up.
 */
export async function verificationsPerSecond(
  hash: string,
  password: string,
  concurrency: number,
  seconds: number,
): Promise<number> {
  const run = async (runSeconds: number) => {
    const deadline = performance.now() + runSeconds * 1000;
    let count = 0;
    const worker = async () => {
      while (performance.now() < deadline) {
        if (!(await verify(hash, password))) throw new Error('The password does not match its stored hash');
        count++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return count / ((performance.now() - started) / 1000);
  };
  await run(1);
  return run(seconds);
}
