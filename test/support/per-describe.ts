/**
 * Starts something (an app with its stand-ins) before the tests of the enclosing `describe` and stops
 * it after them, so that no two describe blocks share an app, its data or its stand-ins. Returns what
 * was started, for the tests to use.
 */
export function perDescribe<T extends { stop(): Promise<void> }>(start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  return () => {
    if (!started) throw new Error('Not started: see the error of beforeAll');
    return started;
  };
}
