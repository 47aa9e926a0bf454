import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { tracingStarted } from './start-tracing';

const tracer = trace.getTracer('@app/tracing');

/**
 * Runs `work` (the handling of one request of a plain node:http server) inside a server span that
 * continues the caller's W3C trace context, or starts a trace when there is none, and ends when the
 * response does. Every HTTP server of the system (the gateway's proxy, each service's Fastify) serves its
 * requests through this: it costs a fraction of the HTTP instrumentation's span, which wraps every
 * listener of the request and response. Name it with `nameServerSpan` once the route is known. Nothing
 * at all when the app does not trace.
 */
export function inServerSpan<T>(request: IncomingMessage, response: ServerResponse, work: () => T): T {
  if (!tracingStarted()) return work();
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const method = request.method ?? 'GET';
  // The path only: a query string may carry what logs redact.
  const path = (request.url ?? '/').split('?', 1)[0];
  const span = tracer.startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path } },
    parent,
  );
  // A request the sampler left out gets a span that records nothing: nothing to add to it at the end.
  if (span.isRecording()) {
    response.once('close', () => {
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
  }
  return context.with(trace.setSpan(parent, span), work);
}
