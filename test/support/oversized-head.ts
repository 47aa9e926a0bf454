import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { HEADER_LIMIT_BYTES, PARSER_HEADER_LIMIT_BYTES } from '@app/http-kit';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** Every byte after the answer's head, up to the close: for a HEAD request, there must be none. */
  afterHead: string;
}

/**
 * Sends a request whose request line and headers come to `headBytes` bytes, written raw on a socket of
 * its own with `Connection: close`, and reads what comes back until the server closes it. `inPieces` writes the head in two
 * parts a moment apart, as a proxy or a slow network delivers it, so that the server reads it in two.
 */
export async function sendOversizedHead(
  port: number,
  { method, path, headBytes, inPieces }: { method: string; path: string; headBytes: number; inPieces: boolean },
): Promise<RawAnswer> {
  const start = `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\nx-padding: `;
  const end = '\r\n\r\n';
  const head = start + 'p'.repeat(headBytes - start.length - end.length) + end;
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve, reject) => {
    socket.once('close', () => resolve());
    socket.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
  });
  if (inPieces) {
    socket.write(head.slice(0, 4_096));
    await delay(50);
    socket.write(head.slice(4_096));
  } else {
    socket.write(head);
  }
  await closed;
  const answer = Buffer.concat(chunks).toString('latin1');
  const headEnd = answer.indexOf('\r\n\r\n');
  const [statusLine, ...headerLines] = answer.slice(0, headEnd).split('\r\n');
  return {
    status: Number(statusLine.split(' ')[1]),
    headers: Object.fromEntries(
      headerLines.map((line) => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
    ),
    afterHead: answer.slice(headEnd + 4),
  };
}

/**
 * The tests every HTTP server of the system passes for heads over HEADER_LIMIT_BYTES, against the app on
 * `port()` and one of its GET `path`s that answers below 431 when the head is small enough.
 */
export function itRefusesOversizedHeads(port: () => number, path: string): void {
  const send = (method: string, headBytes: number, inPieces: boolean) =>
    sendOversizedHead(port(), { method, path, headBytes, inPieces });
  const apiShape = expect.objectContaining({
    statusCode: 431,
    code: 'HEADERS_TOO_LARGE',
    message: expect.any(String),
    requestId: expect.any(String),
  });

  it(`counts the head as sent: ${HEADER_LIMIT_BYTES} bytes pass, one more gets 431`, async () => {
    expect((await send('GET', HEADER_LIMIT_BYTES, false)).status).not.toBe(431);
    expect((await send('GET', HEADER_LIMIT_BYTES + 1, false)).status).toBe(431);
  });

  it.each([false, true])('answers a 20 KB head with 431 in the API shape (in pieces: %s)', async (inPieces) => {
    const answer = await send('GET', 20_000, inPieces);
    expect({ status: answer.status, body: JSON.parse(answer.afterHead) as unknown }).toEqual({
      status: 431,
      body: apiShape,
    });
  });

  it.each([false, true])('answers HEAD with a 20 KB head with 431 and no body (in pieces: %s)', async (inPieces) => {
    const answer = await send('HEAD', 20_000, inPieces);
    expect({ status: answer.status, afterHead: answer.afterHead }).toEqual({ status: 431, afterHead: '' });
  });

  it("past the HTTP parser's own limit, answers 431, with a body only where the method is known not to be HEAD", async () => {
    const overParser = PARSER_HEADER_LIMIT_BYTES + 1_000;
    const whole = await send('GET', overParser, false);
    expect({ status: whole.status, body: JSON.parse(whole.afterHead) as unknown }).toEqual({
      status: 431,
      body: apiShape,
    });
    const head = await send('HEAD', overParser, false);
    expect({ status: head.status, afterHead: head.afterHead }).toEqual({ status: 431, afterHead: '' });
    const inPieces = await send('GET', overParser, true);
    expect({
      status: inPieces.status,
      length: inPieces.headers['content-length'],
      afterHead: inPieces.afterHead,
    }).toEqual({ status: 431, length: '0', afterHead: '' });
  });
}
