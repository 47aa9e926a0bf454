import { createServer } from 'node:http';

/**
 * The bench's unit of CPU: a bare node:http server answering a fixed JSON body, loaded exactly as the
 * apps are. Every app's CPU per request is given as a multiple of this server's.
 *
 *   PORT=<port> node dist/tools/bench/unit-server.js
 */
const body = JSON.stringify({ status: 'ok', service: 'unit' });
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) };

const server = createServer((_request, response) => response.writeHead(200, headers).end(body));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
