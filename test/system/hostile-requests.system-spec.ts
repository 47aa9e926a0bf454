import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { readSamples } from '@app/observability';
import { callApiOk } from '../../tools/api-client/call-api';
import { hostileRequests, type HostileRequest, type Known } from './hostile-requests';
import { narrow, startSystemUnderTest, systemKind, type SystemUnderTest } from './system-under-test';

/**
 * Property-based: generated hostile requests (./hostile-requests.ts) through the gateway, with every
 * service running. `npm test` runs FUZZ_RUNS (300) of them from a fixed FUZZ_SEED, so a failure replays;
 * `npm run test:fuzz` runs many more from a random seed, which it prints.
 *
 * For each: an answer within a few seconds; no 5xx (the system is healthy, so not even a 503); every
 * error in the API's shape; the connection still answers the next request; and no answer comes from a
 * management endpoint. Afterwards, the monolith says fulfill-like was only ever called by like.
 */
jest.setTimeout(600_000);

const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const ANSWER_WITHIN_MS = 5_000;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request with Node's client over `agent`'s single keep-alive connection, written as generated. */
function send(gateway: URL, agent: Agent, hostile: HostileRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    let answered = false;
    const req = httpRequest(
      {
        host: gateway.hostname,
        port: gateway.port,
        agent,
        method: hostile.method,
        path: hostile.path,
        headers: {
          ...hostile.headers,
          // Framed either way: Node's client frames no body of a GET, HEAD, DELETE or OPTIONS by itself.
          ...(hostile.body
            ? hostile.chunked
              ? { 'transfer-encoding': 'chunked' }
              : { 'content-length': String(hostile.body.length) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          answered = true;
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: Date.now() - startedAt });
        });
      },
    );
    req.setTimeout(ANSWER_WITHIN_MS, () => req.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)));
    // Once answered, a refused body may fail to finish sending: that is the server's right.
    req.on('error', (error) => answered || reject(error));
    req.end(hostile.body);
  });
}

/** Problems with an error body: it must be exactly {statusCode, code, message, requestId} (+ details). */
function shapeProblems(status: number, text: string): string[] {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [`not JSON: ${text.slice(0, 80)}`];
  }
  const keys = Object.keys(body).filter((key) => key !== 'details');
  return [
    ...(keys.sort().join() === 'code,message,requestId,statusCode' ? [] : [`keys ${Object.keys(body).join()}`]),
    ...(body.statusCode === status ? [] : [`statusCode ${String(body.statusCode)}, not ${status}`]),
    ...(typeof body.code === 'string' && UPPER_SNAKE.test(body.code) ? [] : [`code ${String(body.code)}`]),
    ...(typeof body.message === 'string' && typeof body.requestId === 'string' ? [] : ['no message or requestId']),
  ];
}

describe(`hostile requests through the gateway (seed ${SEED}, ${RUNS} runs)`, () => {
  let system: SystemUnderTest;
  let gateway: URL;
  let known: Known;

  beforeAll(async () => {
    system = await startSystemUnderTest('fuzz');
    gateway = new URL(system.gateway);
    const email = `fuzz-${Date.now()}@example.com`;
    const password = 'a fuzzy password';
    await callApiOk(system.gateway, 'POST', '/auth/register', { body: { email, password, displayName: 'Fuzz' } });
    const login = { body: { email, password } };
    const tokens = await callApiOk<Omit<Known, 'mysfitIds'>>(system.gateway, 'POST', '/auth/login', login);
    const { mysfits } = await callApiOk<{ mysfits: { mysfitId: string }[] }>(system.gateway, 'GET', '/mysfits');
    known = {
      mysfitIds: mysfits.map((mysfit) => mysfit.mysfitId),
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
    };
    process.stdout.write(`hostile requests: seed ${SEED}, ${RUNS} runs (FUZZ_SEED=${SEED} replays them)\n`);
  }, 300_000);

  afterAll(() => system?.stop());

  it('answers each in time, never with a 5xx, always in the API shape, from no management endpoint, and the connection goes on', async () => {
    const startedAt = Date.now();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequests(known), async (hostile) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          const answer = await send(gateway, agent, hostile);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect({ ms: answer.ms < ANSWER_WITHIN_MS, status: answer.status < 500 }).toEqual({ ms: true, status: true });
          if (answer.status >= 400 && hostile.method !== 'HEAD')
            expect(shapeProblems(answer.status, answer.body)).toEqual([]);
          expect(answer.body).not.toMatch(/# HELP |"status":"(ok|error)","info"/);
          const next = await send(gateway, agent, { method: 'GET', path: '/mysfits', headers: {}, chunked: false });
          expect(next.status).toBe(200);
        } finally {
          agent.destroy();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    process.stdout.write(
      `hostile requests: ${RUNS} in ${Math.round((Date.now() - startedAt) / 1000)} s, by status ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`,
    );
  });

  (systemKind === 'embedded' ? it : it.skip)(
    'never reached the internal fulfill-like: the monolith answered it only to like, with 200 or 404',
    async () => {
      const { launched } = narrow(system, 'embedded');
      const metrics = await (await fetch(`http://127.0.0.1:${launched.ports.monolithAdmin}/metrics`)).text();
      const answered = readSamples(metrics)
        .filter(
          ({ name, labels }) =>
            name === 'http_server_request_duration_seconds_count' && labels.route.includes('fulfill-like'),
        )
        .map(({ labels }) => labels.status_code);
      expect(answered.filter((status) => status !== '200' && status !== '404')).toEqual([]);
    },
  );
});
