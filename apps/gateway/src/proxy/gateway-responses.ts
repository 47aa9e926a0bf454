import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '@app/http-kit';
import { REQUEST_ID_HEADER } from '@app/request-context';

/** An answer the gateway makes itself, in the API's error shape. */
export function sendError(
  response: ServerResponse,
  requestId: string,
  error: Omit<ErrorBody, 'requestId'>,
  closeConnection = false,
): void {
  sendJson(response, requestId, error.statusCode, JSON.stringify({ ...error, requestId }), closeConnection);
}

export function sendJson(
  response: ServerResponse,
  requestId: string,
  statusCode: number,
  body: string,
  closeConnection: boolean,
): void {
  response.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    [REQUEST_ID_HEADER]: requestId,
    ...(closeConnection ? { connection: 'close' } : {}),
  });
  response.end(body);
}
