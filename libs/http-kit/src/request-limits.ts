import type { IncomingMessage } from 'node:http';

/** JSON bodies of this API are small; anything bigger is refused (413) before it is parsed. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * A body refused before it was read is read to its end and dropped when it declares at most this many
 * bytes, so that the client's keep-alive connection stays in step and the client, still sending, does
 * not lose the answer to a reset. A larger body, or one sent chunked, closes the connection instead.
 */
export const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/** A request line and headers over this many bytes are refused with 431. */
export const HEADER_LIMIT_BYTES = 16 * 1024;

/**
 * Where Node's HTTP parser itself gives up on a request's head. It stops before the method reaches
 * JavaScript, so a 431 from there cannot always tell a HEAD request (whose answer has no body) from the
 * others. The parser's limit is therefore set well above HEADER_LIMIT_BYTES, which is checked once the
 * request is parsed and its method known.
 */
export const PARSER_HEADER_LIMIT_BYTES = 32 * 1024;

/** The size of a parsed request's head as HTTP/1.1 sent it: request line, header lines, blank line. */
export function headerBytes(request: IncomingMessage): number {
  // Node keeps the request line and the headers as latin1 strings: one character per byte.
  let bytes = `${request.method ?? ''} ${request.url ?? ''} HTTP/1.1\r\n\r\n`.length;
  const raw = request.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) bytes += raw[index].length + raw[index + 1].length + 4;
  return bytes;
}
