import { createServer } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@app/dynamodb';

/**
 * The least a route that reads one mysfit from DynamoDB can cost: a bare node:http server whose every
 * request is one consistent GetItem through the apps' own DynamoDB client (the AWS SDK, as configured in
 * libs/dynamodb), answered with the item as JSON. No framework, validation, logging or second store.
 *
 *   PORT=<port> DYNAMODB_ENDPOINT=<url> MYSFITS_TABLE=<table> MYSFIT_ID=<id> node dist/tools/bench/sdk-floor-server.js
 */
const { PORT, DYNAMODB_ENDPOINT, MYSFITS_TABLE, MYSFIT_ID } = process.env;
const client = createDocumentClient({ region: 'us-east-1', endpoint: DYNAMODB_ENDPOINT });

const server = createServer((_request, response) => {
  client.send(new GetCommand({ TableName: MYSFITS_TABLE, Key: { MysfitId: MYSFIT_ID }, ConsistentRead: true })).then(
    ({ Item }) => {
      if (!Item) return void response.writeHead(404).end();
      const body = JSON.stringify(Item);
      response
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    },
    () => response.writeHead(503).end(),
  );
});
server.listen(Number(PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    client.destroy();
    process.exit(0);
  });
});
