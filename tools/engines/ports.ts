import { AddressInfo, createConnection, createServer, Server } from 'node:net';

/** Fails with a one-line message naming the port and what needed it. */
export async function assertPortFree(port: number, owner: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(`Port ${port} (${owner}) is already in use: stop what uses it or choose another port`);
  }
}

/** Whether something accepts connections on this local port right now. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
      .once('connect', () => resolve(!socket.destroy()))
      .once('error', () => resolve(false));
  });
}

/** A port the operating system says is free right now. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

/**
 * `count` different ports the operating system says are free right now. They are held open together until
 * all are known: ports taken and released one after the other may come back twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer()
            .once('error', reject)
            .listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * Polls until `probe` resolves true, or fails after `timeoutMs` (or when `abort` fires, e.g. because
 * the process being waited for exited) with `what` in the message.
 */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  abort?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !abort?.aborted) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    abort?.aborted
      ? `${what} stopped while starting`
      : `${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`,
  );
}
