import { setTimeout as delay } from 'node:timers/promises';
import { DeployError } from './deploy-error';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => delay(ms) };

/**
 * Asks `check` again every `intervalMs` until it answers something other than undefined, or fails with
 * `timeoutMessage` after `timeoutMs`.
 */
export async function waitFor<T>(
  clock: Clock,
  check: () => Promise<T | undefined>,
  { timeoutMs, intervalMs, timeoutMessage }: { timeoutMs: number; intervalMs: number; timeoutMessage: () => string },
): Promise<T> {
  const deadline = clock.now() + timeoutMs;
  for (;;) {
    const answer = await check();
    if (answer !== undefined) return answer;
    if (clock.now() >= deadline) throw new DeployError(timeoutMessage());
    await clock.sleep(intervalMs);
  }
}
