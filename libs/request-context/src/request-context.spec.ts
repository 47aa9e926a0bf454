import { AsyncLocalStorage } from 'node:async_hooks';
import { context as otel, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ClsService } from 'nestjs-cls';
import { RequestContext } from './request-context';

describe('RequestContext', () => {
  const context = new RequestContext(new ClsService(new AsyncLocalStorage()));

  it('knows no request outside one, and adds nothing to logs or calls', () => {
    expect(context.requestId).toBeUndefined();
    expect(context.logFields()).toEqual({});
    expect(context.outgoingHeaders()).toEqual({});
  });

  it('gives the request id to log lines and outgoing calls, across awaits', async () => {
    await context.runFor('trace-1', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      expect(context.requestId).toBe('trace-1');
      expect(context.logFields()).toEqual({ requestId: 'trace-1' });
      expect(context.outgoingHeaders()).toEqual({ 'x-request-id': 'trace-1' });
    });
    expect(context.requestId).toBeUndefined();
  });

  it('runs detached work under an id of its own, outside everything the request set up', async () => {
    const requestScoped = new AsyncLocalStorage<string>();
    await context.runFor('trace-2', () =>
      requestScoped.run('the request logger', async () => {
        const seen = await context.runDetached(async () => ({
          id: context.requestId,
          scoped: requestScoped.getStore(),
        }));
        expect(seen.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(seen.scoped).toBeUndefined();
        expect(context.requestId).toBe('trace-2');
      }),
    );
  });

  describe('in an app that traces', () => {
    const span = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    };
    const inSpan = <T>(work: () => T) => otel.with(trace.setSpanContext(ROOT_CONTEXT, span), work);

    beforeAll(() => {
      otel.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    });
    afterAll(() => {
      otel.disable();
      propagation.disable();
    });

    it('adds the trace and span ids to log lines, across awaits', async () => {
      await inSpan(() =>
        context.runFor('r-1', async () => {
          await new Promise((resolve) => setImmediate(resolve));
          expect(context.logFields()).toEqual({ requestId: 'r-1', trace_id: span.traceId, span_id: span.spanId });
        }),
      );
    });

    it("sends the span's W3C trace context on with the request id", () => {
      inSpan(() =>
        context.runFor('r-2', () => {
          expect(context.outgoingHeaders()).toEqual({
            'x-request-id': 'r-2',
            traceparent: `00-${span.traceId}-${span.spanId}-01`,
          });
        }),
      );
    });

    it('adds nothing outside a span', () => {
      expect(context.logFields()).toEqual({});
      expect(context.outgoingHeaders()).toEqual({});
    });
  });
});
