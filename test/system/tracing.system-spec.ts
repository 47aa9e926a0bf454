import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { waitFor } from '../../tools/engines/ports';
import { ReceivedSpan, startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
import { startSystemUnderTest, systemKind, type SystemUnderTest } from './system-under-test';

/**
 * One like is one trace: the system as `npm start` runs it, with the standard OpenTelemetry variables
 * pointing every app at an OTLP receiver in this test, as they would point at any collector.
 */
jest.setTimeout(180_000);

const SERVER = 2;
const CLIENT = 3;

// The compose system's apps export wherever compose.yaml says: this test sets the variables itself.
(systemKind === 'embedded' ? describe : describe.skip)('tracing through the gateway', () => {
  let receiver: OtlpReceiver;
  let system: SystemUnderTest;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    system = await startSystemUnderTest('tracing', {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      // Batches go out every 200 ms rather than every 5 s, so that the test waits less.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
    await receiver?.close();
  });

  const newTraceparent = () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    return { traceId, callerSpanId, traceparent: `00-${traceId}-${callerSpanId}-01` };
  };
  const spansOf = (traceId: string) => receiver.spans().filter((span) => span.traceId === traceId);
  const logLinesOf = async (app: string, traceId: string) =>
    (await system.logs(app)).split('\n').filter((line) => line.includes(`"trace_id":"${traceId}"`));

  /** A visitor signed up and logged in, and the ids of the mysfits. */
  const visitor = async (name: string) => {
    const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
    const password = 'a sturdy password';
    await request(system.gateway).post('/auth/register').send({ email, password, displayName: name }).expect(201);
    const login = await request(system.gateway).post('/auth/login').send({ email, password }).expect(200);
    const { mysfits } = (await request(system.gateway).get('/mysfits').expect(200)).body as {
      mysfits: { mysfitId: string }[];
    };
    return {
      accessToken: (login.body as { accessToken: string }).accessToken,
      mysfitIds: mysfits.map((m) => m.mysfitId),
    };
  };

  it("makes one like one trace, under the caller's span: gateway, like, monolith, DynamoDB", async () => {
    const gateway = system.gateway;
    const { accessToken, mysfitIds } = await visitor('Traced');
    const mysfitId = mysfitIds[0];

    const { traceId, callerSpanId, traceparent } = newTraceparent();
    await request(gateway)
      .post(`/mysfits/${mysfitId}/like`)
      .set('authorization', `Bearer ${accessToken}`)
      .set('traceparent', traceparent)
      .expect(200);

    const find = (spans: ReceivedSpan[], service: string, kind: number, parentSpanId?: string) =>
      spans.find(
        (span) =>
          span.service === service && span.kind === kind && (!parentSpanId || span.parentSpanId === parentSpanId),
      );
    let spans: ReceivedSpan[] = [];
    await waitFor(
      'the spans of the like',
      async () => {
        spans = spansOf(traceId);
        return (
          ['gateway', 'like', 'monolith'].every((service) => find(spans, service, SERVER)) &&
          spans.some((span) => span.service === 'monolith' && span.kind === CLIENT && span.name.startsWith('DynamoDB'))
        );
      },
      30_000,
    ).catch(() => {
      throw new Error(`Spans of trace ${traceId}: ${JSON.stringify(spans, null, 2)}`);
    });

    const gatewaySpan = find(spans, 'gateway', SERVER, callerSpanId);
    expect(gatewaySpan).toMatchObject({ name: 'POST /mysfits/*/like' });
    const likeSpan = find(spans, 'like', SERVER, gatewaySpan?.spanId);
    expect(likeSpan).toMatchObject({ name: 'POST /mysfits/:id/like' });
    const monolithSpan = find(spans, 'monolith', SERVER, likeSpan?.spanId);
    expect(monolithSpan).toMatchObject({ name: 'POST /mysfits/:id/fulfill-like' });
    const dynamodbSpans = spans.filter((span) => span.service === 'monolith' && span.name.startsWith('DynamoDB'));
    expect(dynamodbSpans.length).toBeGreaterThan(0);
    for (const span of dynamodbSpans) expect(span.parentSpanId).toBe(monolithSpan?.spanId);

    for (const app of ['like', 'monolith']) {
      await waitFor(
        `${app} to log under the trace, with its span`,
        async () => (await logLinesOf(app, traceId)).some((line) => line.includes('"span_id":"')),
        10_000,
      );
    }
  });

  it("carries the trace over gRPC: a mysfit's profile asks auth for its adopter's name under the same trace", async () => {
    const gateway = system.gateway;
    const { accessToken, mysfitIds } = await visitor('Adopter');
    const mysfitId = mysfitIds[mysfitIds.length - 1];
    await request(gateway).post(`/mysfits/${mysfitId}/adopt`).set('authorization', `Bearer ${accessToken}`).expect(201);
    const { traceId, traceparent } = newTraceparent();
    await request(gateway).get(`/mysfits/${mysfitId}`).set('traceparent', traceparent).expect(200);

    let spans: ReceivedSpan[] = [];
    const authServer = () => spans.find((span) => span.service === 'auth' && span.kind === SERVER);
    const grpcClientOf = () => spans.find((span) => span.spanId === authServer()?.parentSpanId);
    // Each app exports its spans in batches of its own: wait until the chain has arrived from both.
    await waitFor(
      'the spans of the profile read, from auth and the monolith',
      async () => {
        spans = spansOf(traceId);
        const client = grpcClientOf();
        return client !== undefined && spans.some((span) => span.spanId === client.parentSpanId);
      },
      30_000,
    ).catch(() => {
      throw new Error(`Spans of trace ${traceId}: ${JSON.stringify(spans, null, 2)}`);
    });
    const grpcClient = grpcClientOf();
    expect(grpcClient).toMatchObject({ service: 'monolith', kind: CLIENT, attributes: { 'rpc.system': 'grpc' } });
    const monolithSpan = spans.find((span) => span.spanId === grpcClient?.parentSpanId);
    expect(monolithSpan).toMatchObject({ service: 'monolith', kind: SERVER, name: 'GET /mysfits/:id' });
  });

  it("writes the trace id in the gateway's log lines, and starts a trace when the caller sent none", async () => {
    const { traceId, traceparent } = newTraceparent();
    // A request the gateway refuses itself is one it logs (forwarded ones are logged by the services).
    await request(system.gateway).get('/mysfits/a%2Fb').set('traceparent', traceparent).expect(400);
    await waitFor('the refusal in the log', async () => (await logLinesOf('gateway', traceId)).length > 0, 10_000);

    const response = await request(system.gateway).get('/mysfits').expect(200);
    const requestId = response.headers['x-request-id'];
    let traceIdOfList: string | undefined;
    await waitFor(
      'the trace of a request with no traceparent',
      async () => {
        const line = (await system.logs('monolith'))
          .split('\n')
          .find((candidate) => candidate.includes(`"requestId":"${requestId}"`) && candidate.includes('trace_id'));
        traceIdOfList = line ? /"trace_id":"([0-9a-f]{32})"/.exec(line)?.[1] : undefined;
        return traceIdOfList !== undefined && spansOf(traceIdOfList).some((span) => span.service === 'gateway');
      },
      30_000,
    );
    const root = spansOf(traceIdOfList ?? '').find((span) => span.service === 'gateway');
    expect(root).toMatchObject({ kind: SERVER, parentSpanId: undefined });
  });
});
