import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { REQUEST_ID_HEADER, resolveRequestId } from '@app/request-context';
import type { ErrorBody } from './error-response';
import { HEADER_LIMIT_BYTES } from './request-limits';

export const HEADERS_TOO_LARGE: Omit<ErrorBody, 'requestId'> = {
  statusCode: 431,
  code: 'HEADERS_TOO_LARGE',
  message: `The request line and headers are larger than ${HEADER_LIMIT_BYTES} bytes`,
};

/**
 * Node's `clientError`: the parser refused what a client sent before there was a request to answer
 * (headers over the size limit, a malformed request line, a request that never finished arriving).
 * The answer, in the API's shape, is written on the socket, which is then closed.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = resolveRequestId(undefined);
  const refusal: ErrorBody = { ...clientErrorBody(error.code), requestId };
  // The answer to a HEAD request has no body: a client would read one as the start of the next answer.
  // What the parser hands over is the piece of the request it was reading, so the method shows only when
  // that piece starts with the request line; when it does not, the answer goes without a body.
  const start = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 16).toString('latin1') : '';
  const body = /^[A-Z]+ /.test(start) && !start.startsWith('HEAD ') ? JSON.stringify(refusal) : '';
  socket.end(
    `HTTP/1.1 ${refusal.statusCode} ${STATUS_CODES[refusal.statusCode] ?? ''}\r\n` +
      (body ? 'content-type: application/json; charset=utf-8\r\n' : '') +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}

function clientErrorBody(code: string | undefined): Omit<ErrorBody, 'requestId'> {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return HEADERS_TOO_LARGE;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time' };
    default:
      return { statusCode: 400, code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP' };
  }
}
