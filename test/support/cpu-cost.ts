/**
 * What an operation costs this process in CPU time (user + system, every thread: libuv's pool, where
 * argon2 and PBKDF2 run, included), in microseconds. Unlike wall time it does not grow when other
 * processes share the cores, so cost comparisons hold on a busy machine.
 */
async function cpuCost<T>(operation: () => Promise<T>): Promise<{ result: T; micros: number }> {
  const started = process.cpuUsage();
  const result = await operation();
  const { user, system } = process.cpuUsage(started);
  return { result, micros: user + system };
}

/**
 * The median cost of each kind of operation, sampled in interleaved rounds (kind A, kind B, …, then
 * again) so that a slow spell of the machine, a GC or a JIT warm-up falls on every kind alike.
 */
export async function medianCosts<K extends string>(
  rounds: number,
  operations: Record<K, (round: number) => Promise<unknown>>,
): Promise<Record<K, number>> {
  const kinds = Object.keys(operations) as K[];
  const samples = Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) samples[kind].push((await cpuCost(() => operations[kind](round))).micros);
  }
  return Object.fromEntries(kinds.map((kind) => [kind, median(samples[kind])])) as Record<K, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
