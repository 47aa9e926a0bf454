import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { RequestContext } from '@app/request-context';
import { freshDatabase } from '../../../test/support/databases';
import { startTestApp } from '../../../test/support/http-app';
import { TEST_ISSUER, TestKeys } from '../../../test/support/test-keys';
import { MonolithModule } from '../src/monolith.module';
import { WEB_ROOT } from '../src/web-root';

/**
 * A DynamoDB that refuses the role, as AWS does when its policy lacks an action: what a visitor gets is a
 * 503 they may retry, and the log says which permission is missing, instead of a bare 500.
 */
const DENIAL = {
  __type: 'com.amazon.coral.service#AccessDeniedException',
  Message:
    'User: arn:aws:sts::210987654321:assumed-role/mysfits-dev-monolith/botocore-session is not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:eu-west-1:210987654321:table/mysfits-dev-Mysfits because no identity-based policy allows the dynamodb:Scan action',
};

let app: NestFastifyApplication;
let deniedDynamoDb: Server;
let stopJwks: () => Promise<void>;

beforeAll(async () => {
  deniedDynamoDb = createServer((_request, response) => {
    response.writeHead(400, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-errortype': 'AccessDeniedException',
    });
    response.end(JSON.stringify(DENIAL));
  });
  await new Promise<void>((resolve) => deniedDynamoDb.listen(0, '127.0.0.1', resolve));
  const jwks = await new TestKeys().serveJwks();
  stopJwks = () => jwks.close();
  app = await startTestApp(
    MonolithModule,
    { title: 'monolith', openApiPath: '/openapi.json', staticRoot: WEB_ROOT },
    {
      DATABASE_URL: await freshDatabase('app'),
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${(deniedDynamoDb.address() as AddressInfo).port}`,
      AUTH_GRPC_URL: '127.0.0.1:9',
      AUTH_JWKS_URL: jwks.url,
      JWT_ISSUER: TEST_ISSUER,
    },
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await stopJwks?.();
  deniedDynamoDb?.close();
});

it('answers 503 UPSTREAM_UNAVAILABLE, not 500, when AWS denies the role an action, and logs the denial', async () => {
  // The request id reaches the log line through the request context (the logger's mixin reads logFields()).
  const context = app.get(RequestContext, { strict: false });
  // An unreachable dependency is one warning naming the error, without a stack (ApiExceptionFilter).
  const logged: { entry: { dependencyError: { name: string; message: string } }; fields: Record<string, string> }[] =
    [];
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((entry: unknown) => {
    logged.push({
      entry: entry as { dependencyError: { name: string; message: string } },
      fields: context.logFields(),
    });
  });
  const response = await request(app.getHttpServer()).get('/mysfits').expect(503);
  expect(response.body).toEqual({
    statusCode: 503,
    code: 'UPSTREAM_UNAVAILABLE',
    message: expect.any(String),
    requestId: expect.any(String),
  });
  expect(logged).toHaveLength(1);
  const [{ entry, fields }] = logged;
  expect(fields.requestId).toBe(response.body.requestId);
  expect(entry.dependencyError.name).toBe('AccessDeniedException');
  expect(entry.dependencyError.message).toContain('is not authorized to perform: dynamodb:Scan');
});
