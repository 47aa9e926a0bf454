import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { REQUEST_ID_HEADER, resolveRequestId } from '@app/request-context';
import type { ErrorBody } from './error-response';

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
  const body = JSON.stringify(refusal);
  // The answer to a HEAD request has no body: a client would read one as the start of the next answer.
  const head = Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(
    `HTTP/1.1 ${refusal.statusCode} ${STATUS_CODES[refusal.statusCode] ?? ''}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
      'connection: close\r\n\r\n' +
      (head ? '' : body),
  );
}

function clientErrorBody(code: string | undefined): Omit<ErrorBody, 'requestId'> {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { statusCode: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { statusCode: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time' };
    default:
      return { statusCode: 400, code: 'MALFORMED_REQUEST', message: 'The request is not valid HTTP' };
  }
}
