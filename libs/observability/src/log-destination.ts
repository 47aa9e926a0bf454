import pino, { DestinationStream } from 'pino';

/** Lines wait until this many bytes are queued, so that one write carries ten or so request lines. */
const BATCH_BYTES = 4_096;
/** ...or until this long has passed, so that a quiet service's lines are not held back. */
const FLUSH_INTERVAL_MS = 1_000;

/**
 * Standard output, written off the request path and in batches: a log line is queued, and written with
 * others once BATCH_BYTES are queued or FLUSH_INTERVAL_MS has passed. A write per line costs each
 * request a system call and a hand-off to libuv's thread pool and back. pino writes what is still queued
 * synchronously when the process exits, so a shutdown (Nest exits the process once the app is closed) or
 * a crash loses no line.
 */
export function asynchronousStdout(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES });
  setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  return destination;
}
