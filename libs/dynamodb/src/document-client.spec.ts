import { once } from 'node:events';
import { createServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { toErrorResponse } from '@app/http-kit';
import { createDocumentClient } from './document-client';

describe('createDocumentClient', () => {
  it('gives up on a DynamoDB that accepts connections but never answers, with an error the API answers as 503', async () => {
    const sockets: Socket[] = [];
    const hung = createServer((socket) => void sockets.push(socket)).listen(0, '127.0.0.1');
    await once(hung, 'listening');
    const client = createDocumentClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
    });
    const started = Date.now();
    try {
      // The abort only ends the test cleanly should the client wait forever.
      const error = await client
        .send(new GetCommand({ TableName: 'Mysfits', Key: { MysfitId: 'x' } }), {
          abortSignal: AbortSignal.timeout(20_000),
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TimeoutError', $metadata: { attempts: 3 } });
      expect(toErrorResponse(error, 'request').body).toMatchObject({ statusCode: 503, code: 'UPSTREAM_UNAVAILABLE' });
      // Three attempts of 3 s each, with the SDK's backoff between them.
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      hung.close();
    }
  }, 30_000);
});
