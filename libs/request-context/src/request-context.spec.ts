import { AsyncLocalStorage } from 'node:async_hooks';
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
});
