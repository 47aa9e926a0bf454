import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Transform, TransformCallback } from 'node:stream';
import { REQUEST_ID_HEADER } from '@app/request-context';

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1), and those the gateway sets
 * itself. `expect` is answered by the gateway (100 Continue) before the body is forwarded.
 */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'x-forwarded-for',
  'x-forwarded-proto',
  REQUEST_ID_HEADER,
]);

const NOT_RETURNED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/** The request's headers as the upstream gets them: the client's, plus the request id and X-Forwarded-*. */
export function forwardedHeaders(request: IncomingMessage, requestId: string): string[] {
  const raw = request.rawHeaders;
  const nominated = connectionOptions(request.headers.connection);
  const headers: string[] = [];
  let forwardedFor: string | undefined;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index].toLowerCase();
    const value = raw[index + 1];
    if (name === 'x-forwarded-for') forwardedFor = forwardedFor ? `${forwardedFor}, ${value}` : value;
    else if (!NOT_FORWARDED.has(name) && !nominated?.has(name)) headers.push(name, value);
  }
  const client = request.socket.remoteAddress ?? 'unknown';
  headers.push(
    'x-forwarded-for',
    forwardedFor ? `${forwardedFor}, ${client}` : client,
    'x-forwarded-proto',
    'http',
    REQUEST_ID_HEADER,
    requestId,
  );
  return headers;
}

/** The upstream's response headers, as the client gets them. */
export function returnedHeaders(
  upstream: Record<string, string | string[] | undefined>,
  requestId: string,
  closeConnection: boolean,
): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const name in upstream) {
    if (!NOT_RETURNED.has(name)) headers[name] = upstream[name];
  }
  headers[REQUEST_ID_HEADER] = requestId;
  if (closeConnection) headers.connection = 'close';
  return headers;
}

/** Headers a client names in `Connection` as its own hop's (`Connection: close, x-hop`). */
function connectionOptions(value: string | undefined): Set<string> | undefined {
  if (!value?.includes(',') && (!value || /^(close|keep-alive)$/i.test(value))) return undefined;
  return new Set(value.split(',').map((option) => option.trim().toLowerCase()));
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
  }
}

/** Passes a request body on, failing with BodyTooLargeError once it grows past the limit (bodies sent chunked). */
export class BodyLimit extends Transform {
  private received = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) done(new BodyTooLargeError(this.limit));
    else done(null, chunk);
  }
}

/** The body length a request declares: undefined when it is sent chunked, 0 when there is none. */
export function declaredLength(request: IncomingMessage): number | undefined {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length);
  return request.headers['transfer-encoding'] === undefined ? 0 : undefined;
}
