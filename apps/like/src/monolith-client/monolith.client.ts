import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleType,
  IPolicy,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { errors, Pool } from 'undici';
import { NotFoundError, UpstreamUnavailableError } from '@app/errors';
import { FulfillLikeRequest, fulfillLikePath, LikeResult } from '@app/mysfits-contract';
import { RequestContext } from '@app/request-context';
import { likeConfig, LikeConfig } from '../config';
import { ServiceTokenProvider } from '../service-token';

/** A failure worth another attempt: fulfill-like is idempotent, so repeating it can never count twice. */
class TransientFailure extends Error {}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const TRANSIENT_UNDICI_ERRORS = [
  errors.ConnectTimeoutError,
  errors.HeadersTimeoutError,
  errors.BodyTimeoutError,
  errors.SocketError,
];

/**
 * The like service's only way to the monolith. Every call has a connect timeout and a per-attempt
 * timeout, at most MONOLITH_MAX_ATTEMPTS attempts with jittered exponential backoff, an overall budget,
 * and a circuit breaker that fails fast while the monolith keeps failing.
 */
@Injectable()
export class MonolithClient implements OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly policy: IPolicy;

  constructor(
    private readonly serviceTokens: ServiceTokenProvider,
    private readonly context: RequestContext,
    @Inject(likeConfig.KEY) config: LikeConfig,
  ) {
    this.pool = new Pool(config.MONOLITH_URL, {
      connections: 64,
      connect: { timeout: config.MONOLITH_CONNECT_TIMEOUT_MS },
      headersTimeout: config.MONOLITH_REQUEST_TIMEOUT_MS,
      bodyTimeout: config.MONOLITH_REQUEST_TIMEOUT_MS,
    });
    const transient = handleType(TransientFailure);
    this.policy = wrap(
      timeout(config.MONOLITH_TOTAL_BUDGET_MS, TimeoutStrategy.Aggressive),
      circuitBreaker(transient, { halfOpenAfter: 5_000, breaker: new ConsecutiveBreaker(5) }),
      retry(transient, {
        maxAttempts: config.MONOLITH_MAX_ATTEMPTS - 1,
        backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
      }),
    );
  }

  async fulfillLike(mysfitId: string, userId: string): Promise<LikeResult> {
    try {
      return await this.policy.execute(({ signal }) => this.attempt(mysfitId, { userId }, signal));
    } catch (error) {
      if (
        error instanceof TransientFailure ||
        error instanceof BrokenCircuitError ||
        error instanceof TaskCancelledError
      ) {
        throw new UpstreamUnavailableError();
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  private async attempt(mysfitId: string, body: FulfillLikeRequest, signal: AbortSignal): Promise<LikeResult> {
    const token = await this.serviceTokens.token();
    let response;
    try {
      response = await this.pool.request({
        method: 'POST',
        path: fulfillLikePath(mysfitId),
        headers: {
          ...this.context.outgoingHeaders(),
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (isTransient(error)) throw new TransientFailure((error as Error).message);
      throw error;
    }
    const payload = (await response.body.json().catch(() => undefined)) as
      (LikeResult & { code?: string; message?: string }) | undefined;
    if (response.statusCode === 200 && payload) return payload;
    if (response.statusCode === 404) {
      throw new NotFoundError(
        payload?.code ?? 'MYSFIT_NOT_FOUND',
        payload?.message ?? `No mysfit has the id ${mysfitId}`,
      );
    }
    if (response.statusCode === 401) {
      // The token may have been issued with a key the monolith has not seen yet: renew and try again.
      this.serviceTokens.invalidate();
      throw new TransientFailure('The monolith refused the service token');
    }
    if (RETRYABLE_STATUS.has(response.statusCode)) {
      throw new TransientFailure(`The monolith answered ${response.statusCode}`);
    }
    throw new Error(`Unexpected answer from the monolith: ${response.statusCode} ${payload?.code ?? ''}`);
  }
}

function isTransient(error: unknown): boolean {
  if (TRANSIENT_UNDICI_ERRORS.some((type) => error instanceof type)) return true;
  const code = (error as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'EAI_AGAIN';
}
