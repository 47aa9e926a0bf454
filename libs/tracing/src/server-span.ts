import { trace } from '@opentelemetry/api';

/**
 * Names the HTTP server span of the request being served after the route that matched it
 * (`POST /mysfits/:id/like`, never the raw path) and records the route as `http.route`, as OpenTelemetry's
 * HTTP conventions ask. Does nothing when the request is not traced.
 */
export function nameServerSpan(method: string, route: string): void {
  trace.getActiveSpan()?.updateName(`${method} ${route}`).setAttribute('http.route', route);
}
