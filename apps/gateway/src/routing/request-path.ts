/** A request target the gateway refuses to route, with the stable code and message of its 400. */
export interface RefusedTarget {
  refused: true;
  code: 'MALFORMED_PATH' | 'MALFORMED_QUERY';
  message: string;
}

export interface RoutablePath {
  refused: false;
  /** The path with its percent-escapes decoded once: what the service will serve, and what routing matches. */
  path: string;
}

const ENCODED_SEPARATOR = /%(2f|5c)/i;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

const refuse = (code: RefusedTarget['code'], message: string): RefusedTarget => ({ refused: true, code, message });

/**
 * The path a request target (`/a/b?c=d`) is routed by: percent-decoded once, as the services decode it
 * before they match their routes, so that `/%6detrics` is routed as the `/metrics` it will be served as.
 * Targets that are not one unambiguous path are refused: a malformed escape (in the path or the query),
 * an encoded `/` or `\` (one service would split on it, another not), a backslash, a raw `#` (which
 * ends the path for some routers), and `.` or `..` segments, written or encoded, which a server might
 * resolve to a path other than the one routed.
 */
export function routablePath(target: string): RoutablePath | RefusedTarget {
  if (target.charCodeAt(0) !== 0x2f) return refuse('MALFORMED_PATH', 'The request target must be a path');
  // Fastify's router ends the path at a raw #, so /x/fulfill-like#y would be served as /x/fulfill-like.
  if (target.includes('#')) return refuse('MALFORMED_PATH', 'The request target holds a #');
  const queryAt = target.indexOf('?');
  const raw = queryAt < 0 ? target : target.slice(0, queryAt);
  if (queryAt >= 0 && !decodes(target.slice(queryAt + 1).replaceAll('+', ' '))) {
    return refuse('MALFORMED_QUERY', 'The query string holds a malformed percent-escape');
  }
  let path = raw;
  if (raw.includes('%')) {
    if (ENCODED_SEPARATOR.test(raw)) return refuse('MALFORMED_PATH', 'The path holds an encoded / or \\');
    try {
      path = decodeURIComponent(raw);
    } catch {
      return refuse('MALFORMED_PATH', 'The path holds a malformed percent-escape');
    }
  }
  if (path.includes('\\')) return refuse('MALFORMED_PATH', 'The path holds a backslash');
  if (path.includes('.') && DOT_SEGMENT.test(path)) return refuse('MALFORMED_PATH', 'The path holds a . or .. segment');
  return { refused: false, path };
}

function decodes(text: string): boolean {
  if (!text.includes('%')) return true;
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
