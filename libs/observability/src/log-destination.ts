import pino, { DestinationStream } from 'pino';

/**
 * Standard output, written off the request path: a log line is queued and written by the event loop's
 * next turn, several lines in one write under load, rather than blocking the request on a synchronous
 * write. pino writes what is still queued synchronously when the process exits, so a shutdown (Nest
 * exits the process once the app is closed) or a crash loses no line.
 */
export function asynchronousStdout(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}
