import { once } from 'node:events';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface TraceSink {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  /** Export requests received so far. */
  exports(): number;
  close(): Promise<void>;
}

/**
 * Where the apps send their spans when the bench turns tracing on: it accepts every OTLP/HTTP export and
 * drops it (an empty 200 is a valid, empty export response), so that the apps pay for producing and
 * sending spans and no collector's CPU is measured.
 */
export async function startTraceSink(): Promise<TraceSink> {
  let exports = 0;
  const server = createServer((request, response) => {
    request.resume().once('end', () => {
      if (request.method === 'POST') exports++;
      response.writeHead(200, { 'content-length': 0 }).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports: () => exports,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
