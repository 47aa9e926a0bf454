import type { FastifyInstance } from 'fastify';

/**
 * Once the server is closing, each response ends its connection (`Connection: close`). Fastify closes
 * idle keep-alive connections when it starts closing, but one busy with a request at that moment would
 * stay open after its response, and the server, waiting for it, would not finish closing before the
 * orchestrator's SIGKILL.
 */
export function closeConnectionsOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
}
