import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ErrorBody } from '@app/http-kit';
import { REQUEST_ID_HEADER } from '@app/request-context';

/** How long an answer that closes its connection waits for the rest of the client's body (nginx's lingering_timeout). */
export const LINGER_MS = 5_000;

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** An answer the gateway makes itself, in the API's error shape. */
export function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  error: Omit<ErrorBody, 'requestId'>,
  closeConnection = false,
): void {
  const body = JSON.stringify({ ...error, requestId });
  const headers = { 'content-type': JSON_CONTENT_TYPE };
  send(request, response, requestId, error.statusCode, headers, body, closeConnection);
}

/**
 * An answer the gateway makes itself. One that closes the connection while the client is still sending its
 * body ends only once that body is in, or after LINGER_MS: closing at once would make the server's TCP stack
 * answer the bytes still arriving with a reset, which can destroy the answer before the client reads it
 * (RFC 9112, section 9.6). Node's server closes right after the answer ends, so the end waits instead; the
 * caller reads and drops the rest of the body meanwhile (GatewayServer.settled).
 */
export function send(
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  statusCode: number,
  headers: OutgoingHttpHeaders,
  body: string,
  closeConnection: boolean,
): void {
  response.writeHead(statusCode, {
    ...headers,
    'content-length': Buffer.byteLength(body),
    [REQUEST_ID_HEADER]: requestId,
    ...(closeConnection ? { connection: 'close' } : {}),
  });
  if (!closeConnection || request.complete) {
    response.end(body);
    return;
  }
  response.write(body);
  const stopLingering = () => {
    clearTimeout(lingering);
    request.off('end', end);
  };
  const end = () => {
    stopLingering();
    response.end();
  };
  const lingering = setTimeout(end, LINGER_MS);
  request.once('end', end);
  response.once('close', stopLingering);
}
