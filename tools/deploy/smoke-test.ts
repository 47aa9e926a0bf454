import { lookup } from 'node:dns';
import { Agent, request } from 'undici';
import type { SmokeTarget } from './deployment';
import { type Clock, waitFor } from './wait';

const TIMEOUT_MS = 10 * 60_000;
const RETRY_MS = 10_000;

interface Check {
  url: string;
  expect: string;
  passes(status: number, headers: Record<string, unknown>, body: string): boolean;
}

/**
 * What a visitor sees: the mysfits as JSON from the site's address (HTTPS with the certificate of the
 * domain, or plain HTTP on the ALB's name), port 80 redirecting to HTTPS when there is a domain, and the
 * services' health routes answered 404 by the ALB. Retries while the ALB's name propagates and its
 * targets turn healthy. Returns a one-line summary.
 */
export async function smokeTestSite(target: SmokeTarget, clock: Clock): Promise<string> {
  const site = target.domain === null ? `http://${target.albHostname}` : `https://${target.domain}`;
  // Until the domain's alias record has propagated, reach the ALB by its own name, with the domain as TLS
  // server name (like curl --connect-to): the certificate is checked all the same.
  const dispatcher = new Agent({
    connect: {
      lookup: (hostname, options, callback) =>
        lookup(hostname === target.domain ? target.albHostname : hostname, options, callback),
    },
  });
  let count = 0;
  const checks: Check[] = [
    {
      url: `${site}/mysfits`,
      expect: '200 with the mysfits as JSON',
      passes: (status, _headers, body) => {
        count = status === 200 ? mysfitCount(body) : 0;
        return count > 0;
      },
    },
    { url: `${site}/health/ready`, expect: '404 (internal only)', passes: (status) => status === 404 },
    ...(target.domain === null
      ? []
      : [
          {
            url: `http://${target.albHostname}/mysfits`,
            expect: `a redirect to https://`,
            passes: (status: number, headers: Record<string, unknown>) =>
              status === 301 && String(headers.location).startsWith('https://'),
          },
        ]),
  ];
  let failing = '';
  try {
    await waitFor(
      clock,
      async () => {
        for (const check of checks) {
          const outcome = await attempt(check, dispatcher);
          if (outcome !== undefined) {
            failing = `${check.url}: ${outcome}, expected ${check.expect}`;
            return undefined;
          }
        }
        return true;
      },
      { timeoutMs: TIMEOUT_MS, intervalMs: RETRY_MS, timeoutMessage: () => `smoke test failed: ${failing}` },
    );
  } finally {
    await dispatcher.close();
  }
  return `${count} mysfits from ${site}/mysfits`;
}

/** Undefined when the check passes, else what came back instead. */
async function attempt(check: Check, dispatcher: Agent): Promise<string | undefined> {
  try {
    const response = await request(check.url, { dispatcher, headersTimeout: 10_000, bodyTimeout: 10_000 });
    const body = await response.body.text();
    return check.passes(response.statusCode, response.headers, body) ? undefined : `got ${response.statusCode}`;
  } catch (error) {
    return (error as Error).message;
  }
}

function mysfitCount(body: string): number {
  try {
    const { mysfits } = JSON.parse(body) as { mysfits?: unknown };
    return Array.isArray(mysfits) ? mysfits.length : 0;
  } catch {
    return 0;
  }
}
